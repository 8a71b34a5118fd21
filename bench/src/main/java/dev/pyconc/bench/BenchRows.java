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

    // ---- the cpython bridge (assignment A of issue 14)
    private static final String BRIDGE = BridgeBenchmark.class.getName() + ".";

    /**
     * The cpython adapter's round trip ({@code lock.locked()} on a Lock made through it) beside its pipe floor
     * (a JSON line echoed by the same agent, with the same thread hand-offs); both medians, issue 14's target 2x.
     */
    public static final BenchRow BRIDGE_ROUND_TRIP = new BenchRow("bridge.round_trip",
            "lock.locked() through the cpython adapter (median round trip)", BRIDGE + "cpythonLockLocked",
            BRIDGE + "pipeFloorEcho", "pipe floor: a JSON line to the agent and back, one thread hand-off on each side")
            .withTarget(2.0)
            .withoutCpython("the row times the bridge to CPython itself");

    /**
     * The same round trip beside an echo the agent's reader thread writes back itself (no hand-off on the Python
     * side: less than any call can do), for comparison with the floor; no target.
     */
    public static final BenchRow BRIDGE_READER_ECHO = new BenchRow("bridge.reader_echo",
            "lock.locked() through the cpython adapter, beside a reader-only echo (medians)", BRIDGE + "cpythonLockLocked",
            BRIDGE + "readerEcho", "a JSON line to the agent and back, echoed by its reader thread (one hand-off, on the Java side)")
            .withoutCpython("the row times the bridge to CPython itself");
    // ---- end of the cpython bridge

    /** Every row, in table order. */
    public static final List<BenchRow> ALL = List.of(SUBPROCESS_RUN, POPEN_WAIT, BRIDGE_ROUND_TRIP, BRIDGE_READER_ECHO);

    private BenchRows() {}

    /** The rows {@code include} finds (see {@link BenchRow#matches}); every row for null. */
    public static List<BenchRow> select(Pattern include) {
        return include == null ? ALL : ALL.stream().filter(r -> r.matches(include)).toList();
    }
}
