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

    // --- queue and Condition (issue 14, assignment C) ---
    private static final String QUEUE = QueueBenchmark.class.getName() + ".";
    private static final String HANDOFF = QueueHandoffBenchmark.class.getName() + ".";
    private static final String PING_PONG = ConditionPingPongBenchmark.class.getName() + ".";

    /** {@code Queue()} put_nowait+get_nowait beside {@code ArrayBlockingQueue(1024)} offer+poll. */
    public static final BenchRow QUEUE_NOWAIT = new BenchRow("queue.Queue.nowait",
            "q.put_nowait(1); q.get_nowait()  # q = Queue()", QUEUE + "referenceQueueNowait",
            QUEUE + "javaArrayBlockingQueueOfferPoll", "ArrayBlockingQueue(1024): offer(1); poll()").withTarget(1.5);

    /** {@code SimpleQueue()} put_nowait+get_nowait beside {@code ConcurrentLinkedQueue} offer+poll. */
    public static final BenchRow SIMPLE_QUEUE_NOWAIT = new BenchRow("queue.SimpleQueue.nowait",
            "q.put_nowait(1); q.get_nowait()  # q = SimpleQueue()", QUEUE + "referenceSimpleQueueNowait",
            QUEUE + "javaConcurrentLinkedQueueOfferPoll", "ConcurrentLinkedQueue: offer(1); poll()").withTarget(1.3);

    /** {@code LifoQueue()} put_nowait+get_nowait beside {@code LinkedBlockingDeque} offerFirst+pollFirst. */
    public static final BenchRow LIFO_QUEUE_NOWAIT = new BenchRow("queue.LifoQueue.nowait",
            "q.put_nowait(1); q.get_nowait()  # q = LifoQueue()", QUEUE + "referenceLifoQueueNowait",
            QUEUE + "javaLinkedBlockingDequeOfferPollFirst", "LinkedBlockingDeque: offerFirst(1); pollFirst()");

    /** {@code PriorityQueue()} put_nowait+get_nowait beside {@code PriorityBlockingQueue} offer+poll. */
    public static final BenchRow PRIORITY_QUEUE_NOWAIT = new BenchRow("queue.PriorityQueue.nowait",
            "q.put_nowait(1); q.get_nowait()  # q = PriorityQueue()", QUEUE + "referencePriorityQueueNowait",
            QUEUE + "javaPriorityBlockingQueueOfferPoll", "PriorityBlockingQueue: offer(1); poll()");

    /** {@code Queue()} one producer, one consumer, per item, beside {@code LinkedBlockingQueue}. */
    public static final BenchRow QUEUE_HANDOFF = new BenchRow("queue.Queue.1p1c",
            "q.put(1) in one thread, q.get() in another, per item  # q = Queue()",
            HANDOFF + "referenceQueueHandoff", HANDOFF + "javaLinkedBlockingQueueHandoff",
            "LinkedBlockingQueue: put(1) in one thread, take() in another").withTarget(1.3);

    /** {@code Queue(1024)} one producer, one consumer, per item, beside {@code ArrayBlockingQueue(1024)}. */
    public static final BenchRow BOUNDED_QUEUE_HANDOFF = new BenchRow("queue.Queue(1024).1p1c",
            "q.put(1) in one thread, q.get() in another, per item  # q = Queue(1024)",
            HANDOFF + "referenceBoundedQueueHandoff", HANDOFF + "javaArrayBlockingQueueHandoff",
            "ArrayBlockingQueue(1024): put(1) in one thread, take() in another").withTarget(1.3);

    /** {@code SimpleQueue()} one producer, one consumer, per item, beside {@code LinkedBlockingQueue}. */
    public static final BenchRow SIMPLE_QUEUE_HANDOFF = new BenchRow("queue.SimpleQueue.1p1c",
            "q.put(1) in one thread, q.get() in another, per item  # q = SimpleQueue()",
            HANDOFF + "referenceSimpleQueueHandoff", HANDOFF + "javaLinkedBlockingQueueHandoff",
            "LinkedBlockingQueue: put(1) in one thread, take() in another").withTarget(1.3);

    /** Two threads taking turns through one {@code Condition()}, per round trip, beside ReentrantLock + Condition. */
    public static final BenchRow CONDITION_PING_PONG = new BenchRow("threading.Condition.pingpong",
            "with c: turn = OTHER; c.notify(); while turn != ME: c.wait()  # c = Condition(), 2 threads, per round trip",
            PING_PONG + "referencePingPong", PING_PONG + "javaPingPong",
            "ReentrantLock + newCondition(): the same turn-taking with signal() and await()").withTarget(1.15);

    /** The queue and Condition rows, in table order. */
    private static final List<BenchRow> QUEUE_ROWS = List.of(QUEUE_NOWAIT, SIMPLE_QUEUE_NOWAIT, LIFO_QUEUE_NOWAIT,
            PRIORITY_QUEUE_NOWAIT, QUEUE_HANDOFF, BOUNDED_QUEUE_HANDOFF, SIMPLE_QUEUE_HANDOFF, CONDITION_PING_PONG);
    // --- end of queue and Condition ---

    /** Every row, in table order. */
    public static final List<BenchRow> ALL = concat(List.of(SUBPROCESS_RUN, POPEN_WAIT), QUEUE_ROWS);

    private BenchRows() {}

    @SafeVarargs
    private static List<BenchRow> concat(List<BenchRow>... blocks) {
        return java.util.Arrays.stream(blocks).flatMap(List::stream).toList();
    }

    /** The rows {@code include} finds (see {@link BenchRow#matches}); every row for null. */
    public static List<BenchRow> select(Pattern include) {
        return include == null ? ALL : ALL.stream().filter(r -> r.matches(include)).toList();
    }
}
