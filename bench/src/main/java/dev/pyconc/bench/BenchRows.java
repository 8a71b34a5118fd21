package dev.pyconc.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rows of the bench's table, in the order it prints them. A benchmark class adds its rows here; every
 * {@code @Benchmark} method is the reference or the Java side of at least one row (a test checks it).
 */
public final class BenchRows {
    private static final String SPAWN = SpawnBenchmark.class.getName() + ".";

    /** {@code subprocess.run(["true"])} beside {@code ProcessBuilder}. */
    public static final BenchRow SUBPROCESS_RUN = new BenchRow("subprocess.run", "subprocess.run([\"true\"])",
            SPAWN + "referenceRun", SPAWN + "jdkProcessBuilder", "new ProcessBuilder(\"true\").start().waitFor()");

    /** {@code subprocess.Popen(["true"]).wait()} beside {@code ProcessBuilder}. */
    public static final BenchRow POPEN_WAIT = new BenchRow("subprocess.Popen.wait", "subprocess.Popen([\"true\"]).wait()",
            SPAWN + "referencePopenWait", SPAWN + "jdkProcessBuilder", "new ProcessBuilder(\"true\").start().waitFor()");

    // --- concurrent.futures (ExecutorBenchmark) ---
    private static final String EXECUTOR = ExecutorBenchmark.class.getName() + ".";

    /**
     * {@code ThreadPoolExecutor(max_workers=2)}: 20,000 no-op tasks submitted, then each result taken; per task,
     * beside the JDK's fixed pool of two threads. Issue 14's target: 1.3.
     */
    public static final BenchRow EXECUTOR_BATCH = new BenchRow("ThreadPoolExecutor.batch",
            "ThreadPoolExecutor(max_workers=2): fs = [pool.submit(fn) for _ in range(20000)]; [f.result() for f in fs]"
                    + " (per task, fn = lambda: None)",
            EXECUTOR + "referenceBatch", EXECUTOR + "jdkBatch",
            "new ThreadPoolExecutor(2, 2, 0, MILLISECONDS, new LinkedBlockingQueue<>()): 20000 x submit(() -> null),"
                    + " then each get() (per task)").withTarget(1.3);

    /** One {@code submit(fn).result()} on an idle {@code ThreadPoolExecutor(max_workers=2)}: latency, no target. */
    public static final BenchRow EXECUTOR_ROUND_TRIP = new BenchRow("ThreadPoolExecutor.submit.result",
            "ThreadPoolExecutor(max_workers=2): pool.submit(fn).result() (fn = lambda: None)",
            EXECUTOR + "referenceRoundTrip", EXECUTOR + "jdkRoundTrip",
            "new ThreadPoolExecutor(2, 2, 0, MILLISECONDS, new LinkedBlockingQueue<>()).submit(() -> null).get()");
    // --- end concurrent.futures ---

    /** Every row, in table order. */
    public static final List<BenchRow> ALL = List.of(SUBPROCESS_RUN, POPEN_WAIT,
            EXECUTOR_BATCH, EXECUTOR_ROUND_TRIP);

    private BenchRows() {}

    /** The rows {@code include} finds (see {@link BenchRow#matches}); every row for null. */
    public static List<BenchRow> select(Pattern include) {
        return include == null ? ALL : ALL.stream().filter(r -> r.matches(include)).toList();
    }
}
