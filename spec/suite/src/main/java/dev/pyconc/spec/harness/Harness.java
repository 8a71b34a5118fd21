package dev.pyconc.spec.harness;

import dev.pyconc.spi.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Per-case helper, in the spirit of CPython's lock_tests {@code Bunch} and the JSR-166 TCK.
 *
 * <ul>
 *   <li>Helper threads started here record their failures; the case fails with them when it ends.</li>
 *   <li>Every helper thread is joined with a {@link Timing#LONG} deadline; one still running fails the case.</li>
 *   <li>"Blocked" is proven by polling observable state ({@link #awaitBlocked}, {@link #poll}), never by sleeping.</li>
 *   <li>An expected timeout is checked with a lower bound and a generous ceiling only ({@link #assertTimedOut}).</li>
 * </ul>
 *
 * Helper threads are Java threads; an adapter driving a real interpreter pairs each with one Python thread.
 */
public final class Harness {
    private final Adapter adapter;
    private final String caseId;
    private final BiConsumer<String, String> reporter;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger counter = new AtomicInteger();
    private Long seed;
    private Random random;

    Harness(Adapter adapter, String caseId, BiConsumer<String, String> reporter) {
        this.adapter = adapter;
        this.caseId = caseId;
        this.reporter = reporter;
    }

    /** The adapter under test. */
    public Adapter adapter() {
        return adapter;
    }

    /**
     * Starts a helper thread running {@code body}; an exception it throws fails the case (at the latest when
     * the case ends) and is rethrown by {@link #join(Thread)}.
     */
    public Thread start(String name, ThrowingRunnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(new HelperFailure(Thread.currentThread().getName(), e));
            }
        }, "pyconc-helper-" + counter.incrementAndGet() + "-" + name);
        t.setDaemon(true);
        synchronized (threads) {
            threads.add(t);
        }
        t.start();
        return t;
    }

    /** A body run by each thread of a {@link Bunch}, with the thread's index 0..n-1. */
    @FunctionalInterface
    public interface IndexedBody {
        void run(int index) throws Throwable;
    }

    /** Starts {@code n} helper threads running {@code body(index)}; see {@link Bunch}. */
    public Bunch bunch(String name, int n, IndexedBody body) {
        return new Bunch(name, n, body);
    }

    /** A group of helper threads, like lock_tests' Bunch: know when all have started, join all. */
    public final class Bunch {
        private final CountDownLatch started;
        private final AtomicInteger finished = new AtomicInteger();
        private final List<Thread> members = new ArrayList<>();

        Bunch(String name, int n, IndexedBody body) {
            started = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                members.add(start(name + "-" + i, () -> {
                    started.countDown();
                    try {
                        body.run(index);
                    } finally {
                        finished.incrementAndGet();
                    }
                }));
            }
        }

        /** Waits (at most {@link Timing#LONG}) until every thread has entered its body. */
        public Bunch awaitStarted() {
            try {
                if (!started.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS)) {
                    throw new AssertionFailedError("threads of the bunch did not start within " + Timing.LONG + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted", e);
            }
            return this;
        }

        /** How many bodies have returned or thrown. */
        public int finishedCount() {
            return finished.get();
        }

        /** The member threads, by index. */
        public List<Thread> threads() {
            return List.copyOf(members);
        }

        /** Joins every member (deadline {@link Timing#LONG} each) and rethrows the first failure. */
        public void join() {
            for (Thread t : members) {
                Harness.this.join(t);
            }
        }
    }

    /**
     * Joins a helper thread with a {@link Timing#LONG} deadline and rethrows a failure it recorded.
     *
     * @throws AssertionFailedError if it is still alive after the deadline
     */
    public void join(Thread t) {
        try {
            t.join(TimeUnit.NANOSECONDS.toMillis(Timing.nanos(Timing.LONG)) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while joining " + t.getName(), e);
        }
        if (t.isAlive()) {
            throw new AssertionFailedError(t.getName() + " still running after " + Timing.LONG + " s:\n"
                    + ThreadDumps.stackOf(t));
        }
        rethrowFailureOf(t.getName());
    }

    private void rethrowFailureOf(String threadName) {
        for (Throwable f : failures) {
            if (f instanceof HelperFailure hf && hf.threadName.equals(threadName) && failures.remove(f)) {
                sneakyThrow(hf.getCause());
            }
        }
    }

    /**
     * Polls until the adapter reports {@code t} waiting inside a blocking call (deadline {@link Timing#LONG}).
     * A best-effort strengthener: case outcomes must not depend on it unless they observe state too.
     *
     * @throws AssertionFailedError if it does not happen in time, or the thread ended first
     */
    public void awaitBlocked(Thread t) {
        poll(t.getName() + " blocked in a call", () -> {
            if (!t.isAlive()) {
                rethrowFailureOf(t.getName());
                throw new AssertionFailedError(t.getName() + " ended instead of blocking");
            }
            return adapter.isBlocked(t);
        });
    }

    /**
     * Polls {@code condition} (backing off from 1 to 10 ms) until it holds, within {@link Timing#LONG}.
     *
     * @param what what is awaited, for the failure message
     * @throws AssertionFailedError if it does not hold in time
     */
    public void poll(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        long sleep = 1;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError("timed out after " + Timing.LONG + " s waiting for: " + what);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted waiting for: " + what, e);
            }
            sleep = Math.min(10, sleep * 2);
        }
    }

    /**
     * Checks a precondition that rests on another documented behaviour, where a case cannot avoid depending
     * on one (test262's rule: a case's stimulus and oracle must not be another behaviour under test). If
     * {@code precondition} fails (an assertion or a Python exception), the case is not run further: it is
     * aborted (reported SKIP) with a reason naming {@code behaviourId}, never a FAIL of its own behaviour, so
     * that one bug is reported once, by the cases of the behaviour it breaks. An adapter failure propagates.
     *
     * @param behaviourId the catalog id of the behaviour the precondition relies on
     * @param precondition checks that behaviour on a fresh object, throwing if it does not hold
     */
    public void dependsOn(String behaviourId, ThrowingRunnable precondition) {
        try {
            precondition.run();
        } catch (AssertionError | dev.pyconc.spi.exceptions.BaseException e) {
            throw new org.opentest4j.TestAbortedException("not run: this case relies on " + behaviourId
                    + ", which does not hold here (" + e + ")", e);
        } catch (Throwable e) {
            sneakyThrow(e);
        }
    }

    /** {@link System#nanoTime()}, for {@link #secondsSince}. */
    public long now() {
        return System.nanoTime();
    }

    /** Seconds elapsed since {@code start} (a value of {@link #now()}). */
    public double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Runs {@code body} and returns how long it took, in seconds. */
    public double time(ThrowingRunnable body) {
        long t0 = now();
        try {
            body.run();
        } catch (Throwable e) {
            sneakyThrow(e);
        }
        return secondsSince(t0);
    }

    /**
     * Asserts that a call expected to time out after {@code timeout} seconds took at least that long and
     * not absurdly longer (ceiling: timeout + {@link Timing#LONG}).
     */
    public void assertTimedOut(double elapsed, double timeout) {
        if (elapsed < timeout - Timing.EPSILON) {
            throw new AssertionFailedError("returned after " + fmt(elapsed) + " s, before its timeout of " + fmt(timeout) + " s");
        }
        if (elapsed > timeout + Timing.LONG) {
            throw new AssertionFailedError("returned after " + fmt(elapsed) + " s; timeout was " + fmt(timeout) + " s");
        }
    }

    /** Asserts that something took less than {@link Timing#LONG}: it did not block until a timeout. */
    public void assertPrompt(double elapsed) {
        if (elapsed >= Timing.LONG) {
            throw new AssertionFailedError("took " + fmt(elapsed) + " s; expected to return promptly");
        }
    }

    private static String fmt(double s) {
        return String.format(java.util.Locale.ROOT, "%.4f", s);
    }

    /**
     * The case's one random generator for property-style cases, seeded from {@code pyconc.seed} if set, else
     * freshly; the seed is printed and recorded with the case result so that a failure can be replayed. Every
     * call returns the same generator, so successive calls continue one stream (a second call does not
     * replay the first one's numbers). Draws made in one order replay exactly; {@link Random} is
     * thread-safe, but draws from several threads replay only as far as their interleaving does.
     */
    public synchronized Random random() {
        if (random == null) {
            String s = System.getProperty("pyconc.seed");
            seed = s != null && !s.isBlank() ? Long.parseLong(s.strip()) : new Random().nextLong();
            note("seed", Long.toString(seed));
            System.out.println("[pyconc] " + caseId + " seed=" + seed + " (replay with -Dpyconc.seed=" + seed + ")");
            random = new Random(seed);
        }
        return random;
    }

    /** The seed {@link #random()} used, or null if it was not called. */
    public synchronized Long seed() {
        return seed;
    }

    /** Records a key/value note with the case result (a JUnit report entry). */
    public void note(String key, String value) {
        reporter.accept(key, value);
    }

    /**
     * Ends the case: joins every helper thread (deadline each) and throws the recorded failures; called by
     * the extension after the case body, also when the body failed ({@code primary} non-null).
     */
    void close(Throwable primary) {
        List<Throwable> problems = new ArrayList<>();
        List<Thread> all;
        synchronized (threads) {
            all = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        for (Thread t : all) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                t.join(Math.max(1, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (t.isAlive()) {
                problems.add(new AssertionFailedError("helper thread " + t.getName()
                        + " still running when the case ended:\n" + ThreadDumps.stackOf(t)));
                t.interrupt();
            }
        }
        for (Throwable f; (f = failures.poll()) != null; ) {
            problems.add(f instanceof HelperFailure ? f.getCause() : f);
        }
        if (problems.isEmpty()) {
            return;
        }
        if (primary != null) {
            problems.forEach(p -> { if (p != primary) primary.addSuppressed(p); });
            return;
        }
        Throwable first = problems.get(0);
        for (Throwable p : problems.subList(1, problems.size())) {
            first.addSuppressed(p);
        }
        sneakyThrow(first);
    }

    private static final class HelperFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String threadName;

        HelperFailure(String threadName, Throwable cause) {
            super("failure in " + threadName, cause);
            this.threadName = threadName;
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
