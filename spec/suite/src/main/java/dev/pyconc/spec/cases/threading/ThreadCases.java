package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.ThrowingRunnable;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Cases for {@code threading.Thread} objects. */
@PyCase
class ThreadCases {

    /**
     * Runs Java code inside Python callables (thread targets, timer functions, barrier actions) and keeps
     * what it throws, so that a failed assertion on a Python-created thread reaches the case instead of
     * becoming a Python exception that nobody sees. Also offers bounded waits on Java latches.
     */
    static final class Probe {
        private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        /** A callable that runs {@code body}; what it throws is recorded, and the callable returns None. */
        PyCallable run(ThrowingRunnable body) {
            return (args, kwargs) -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
                return null;
            };
        }

        /** Records a failure seen on some other thread. */
        void fail(Throwable t) {
            failures.add(t);
        }

        /** Rethrows the first recorded failure (others suppressed), if any. */
        void check() {
            Throwable first = failures.poll();
            if (first == null) {
                return;
            }
            for (Throwable t; (t = failures.poll()) != null; ) {
                first.addSuppressed(t);
            }
            if (first instanceof Error e) {
                throw e;
            }
            if (first instanceof RuntimeException e) {
                throw e;
            }
            throw new AssertionFailedError("failure inside a Python callable", first);
        }

        /** Waits for the latch at most {@link Timing#LONG}; fails (and records it) when it does not open. */
        static void await(CountDownLatch latch, String what) throws InterruptedException {
            if (!latch.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS)) {
                throw new AssertionFailedError("timed out after " + Timing.LONG + " s waiting for " + what);
            }
        }
    }

    /** True when {@code list} holds {@code item} itself (identity, like Python's {@code is}). */
    static boolean containsSame(List<?> list, Object item) {
        return list.stream().anyMatch(x -> x == item);
    }

    /** A non-None group is refused (CPython asserts group is None). */
    @Test
    @Checks("threading.Thread/group-must-be-none")
    void groupMustBeNone(ThreadingModule threading) {
        assertThrows(PyAssertionError.class, () -> threading.thread(ThreadOptions.none().withGroup("group")));
        assertFalse(threading.thread(ThreadOptions.none().withGroup(null)).isAlive());
    }

    /** A Thread without target can be run directly, started and joined; nothing is called. */
    @Test
    @Checks("threading.Thread/no-target-run-does-nothing")
    void noTargetDoesNothing(ThreadingModule threading) {
        PyThread direct = threading.thread(ThreadOptions.none());
        direct.run();
        assertNull(direct.ident(), "run() must not start the thread");
        PyThread started = threading.thread(ThreadOptions.none());
        started.start();
        started.join(Timing.LONG);
        assertFalse(started.isAlive());
    }

    /** Default names look like Thread-N (optionally followed by the target name) and differ between threads. */
    @Test
    @Checks({"threading.Thread/default-name-thread-n", "threading.Thread/default-names-unique"})
    void defaultNames(ThreadingModule threading) {
        String a = threading.thread(ThreadOptions.none()).getName();
        String b = threading.thread(ThreadOptions.none()).getName();
        assertTrue(a.matches("Thread-[0-9]+"), a);
        assertTrue(b.matches("Thread-[0-9]+"), b);
        assertNotEquals(a, b);
        String withTarget = threading.thread(ThreadOptions.of(PyCallable.of(() -> {}))).getName();
        assertTrue(withTarget.matches("Thread-[0-9]+( \\(.*\\))?"), withTarget);
        assertNotEquals(a, withTarget.replaceFirst(" .*", ""));
    }

    /** A generated name is Thread-N followed by the target's __name__ in parentheses. */
    @Test
    @Checks("threading.Thread/default-name-has-target-name")
    void defaultNameHasTargetName(ThreadingModule threading) {
        PyCallable target = PyCallable.named("pyconc_target", PyCallable.of(() -> {}));
        String name = threading.thread(ThreadOptions.of(target)).getName();
        assertTrue(name.matches("Thread-[0-9]+ \\(pyconc_target\\)"), name);
        assertEquals("pyconc-given", threading.thread(ThreadOptions.of(target).withName("pyconc-given")).getName(),
                "a given name gets no suffix");
    }

    /** The daemon constructor argument sets the flag either way, whatever the creator's flag. */
    @Test
    @Checks("threading.Thread/daemon-argument-sets-flag")
    void daemonArgument(ThreadingModule threading) {
        assertTrue(threading.thread(ThreadOptions.none().withDaemon(true)).isDaemon());
        assertFalse(threading.thread(ThreadOptions.none().withDaemon(false)).isDaemon());
    }

    /** With daemon None a new Thread copies its creator's flag: from a daemon, a non-daemon and the case thread. */
    @Test
    @Checks("threading.Thread/daemon-none-inherits")
    void daemonInherited(ThreadingModule threading) {
        assertEquals(threading.currentThread().isDaemon(), threading.thread(ThreadOptions.none()).isDaemon());
        for (boolean creatorDaemon : new boolean[] {true, false}) {
            Probe probe = new Probe();
            AtomicReference<Boolean> child = new AtomicReference<>();
            PyThread creator = threading.thread(ThreadOptions.of(probe.run(
                    () -> child.set(threading.thread(ThreadOptions.none()).isDaemon()))).withDaemon(creatorDaemon));
            creator.start();
            creator.join(Timing.LONG);
            assertFalse(creator.isAlive());
            probe.check();
            assertEquals(creatorDaemon, child.get(), "daemon flag of a Thread created by a thread with daemon=" + creatorDaemon);
        }
    }

    /** The case's own Thread object (a dummy for a foreign thread) is alive and daemonic. */
    @Test
    @Checks({"threading.current_thread/dummy-for-foreign-thread", "threading.Thread/dummy-alive-and-daemon"})
    void dummyThreadAliveAndDaemon(ThreadingModule threading) {
        PyThread me = threading.currentThread();
        assertNotNull(me);
        assertTrue(me.isAlive());
        assertTrue(me.isDaemon());
        assertNotNull(me.ident());
        assertEquals(threading.getIdent(), me.ident());
    }

    /** Joining the dummy Thread object of the case's thread from another thread raises RuntimeError. */
    @Test
    @Checks("threading.Thread/dummy-cannot-be-joined")
    void dummyCannotBeJoined(ThreadingModule threading, Harness h) {
        PyThread me = threading.currentThread();
        h.join(h.start("joiner", () -> assertThrows(RuntimeError.class, () -> me.join(Timing.SHORT))));
        assertTrue(me.isAlive());
    }

    /** start() runs the target on another thread, whose current_thread() is the Thread object. */
    @Test
    @Checks({"threading.Thread.start/runs-in-new-thread", "threading.current_thread/is-running-thread-object"})
    void startRunsInNewThread(ThreadingModule threading) {
        Probe probe = new Probe();
        AtomicReference<PyThread> seen = new AtomicReference<>();
        AtomicReference<Long> ident = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            seen.set(threading.currentThread());
            ident.set(threading.getIdent());
        })));
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
        assertSame(t, seen.get());
        assertNotEquals(threading.getIdent(), ident.get());
        assertNotSame(threading.currentThread(), seen.get());
    }

    /** A second start() raises RuntimeError, while running and after the end. */
    @Test
    @Checks("threading.Thread.start/second-start-runtimeerror")
    void startTwice(ThreadingModule threading) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch release = new CountDownLatch(1);
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> Probe.await(release, "release"))));
        t.start();
        try {
            assertThrows(RuntimeError.class, t::start);
        } finally {
            release.countDown();
        }
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        assertThrows(RuntimeError.class, t::start);
        probe.check();
    }

    /** A started thread's target gets the args and kwargs given to the constructor. */
    @Test
    @Checks("threading.Thread.run/calls-target-with-args-and-kwargs")
    void startedTargetGetsArguments(ThreadingModule threading) {
        AtomicReference<List<Object>> args = new AtomicReference<>();
        AtomicReference<Map<String, Object>> kwargs = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        PyThread t = threading.thread(ThreadOptions.of((a, k) -> {
            calls.incrementAndGet();
            args.set(a);
            kwargs.set(k);
            return null;
        }).withArgs(List.of(1L, "two", 3.5)).withKwargs(Map.of("key", "value", "n", 7L)));
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        assertEquals(1, calls.get());
        assertEquals(List.of(1L, "two", 3.5), args.get());
        assertEquals(Map.of("key", "value", "n", 7L), kwargs.get());
    }

    /** run() called directly calls the target with the arguments, in the calling thread, without starting it. */
    @Test
    @Checks({"threading.Thread.run/calls-target-with-args-and-kwargs", "threading.Thread.run/direct-call-runs-in-caller"})
    void directRunUsesCallerThread(ThreadingModule threading) {
        Probe probe = new Probe();
        AtomicReference<List<Object>> args = new AtomicReference<>();
        AtomicReference<Map<String, Object>> kwargs = new AtomicReference<>();
        AtomicReference<PyThread> current = new AtomicReference<>();
        AtomicReference<Long> ident = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of((a, k) -> {
            args.set(a);
            kwargs.set(k);
            current.set(threading.currentThread());
            ident.set(threading.getIdent());
            return null;
        }).withArgs(List.of("x", 2L)).withKwargs(Map.of("flag", true)));
        t.run();
        probe.check();
        assertEquals(List.of("x", 2L), args.get());
        assertEquals(Map.of("flag", true), kwargs.get());
        assertSame(threading.currentThread(), current.get());
        assertEquals(threading.getIdent(), ident.get());
        assertFalse(t.isAlive());
        assertNull(t.ident());
    }

    /** join(timeout) on a thread that cannot end yet returns after the timeout with it alive; join() then waits for the end. */
    @Test
    @Checks({"threading.Thread.join/timeout-returns-while-alive", "threading.Thread.join/waits-for-end",
            "threading.Thread.is_alive/true-while-run-executes", "threading.Thread.is_alive/false-after-run-returns"})
    void joinTimeoutThenJoin(ThreadingModule threading, Harness h) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<PyThread> self = new AtomicReference<>();
        AtomicReference<Boolean> aliveInside = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            aliveInside.set(self.get().isAlive());
            started.countDown();
            Probe.await(release, "release");
            finished.set(true);
        })));
        self.set(t);
        t.start();
        try {
            Probe.await(started, "the target to start");
            assertTrue(t.isAlive());
            double elapsed = h.time(() -> t.join(Timing.SHORT));
            h.assertTimedOut(elapsed, Timing.SHORT);
            assertTrue(t.isAlive(), "join(timeout) returned but the thread cannot have ended");
            assertFalse(finished.get());
        } finally {
            release.countDown();
        }
        t.join();
        assertTrue(finished.get(), "join() returned before run() ended");
        assertFalse(t.isAlive());
        probe.check();
        assertEquals(Boolean.TRUE, aliveInside.get());
    }

    /** join(None) waits until the thread has ended, like join(). */
    @Test
    @Checks("threading.Thread.join/waits-for-end")
    void joinNoneWaits(ThreadingModule threading, Harness h) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            started.countDown();
            Probe.await(release, "release");
            finished.set(true);
        })));
        t.start();
        Thread releaser;
        try {
            Probe.await(started, "the target to start");
            // Best effort to release the target only once this thread is inside join(None): wait until the
            // adapter reports it blocked, or at most MEDIUM. The outcome does not depend on it: join(None)
            // must not return before run() ended, whenever the release comes.
            Thread me = Thread.currentThread();
            releaser = h.start("releaser", () -> {
                try {
                    long deadline = h.now() + Timing.nanos(Timing.MEDIUM);
                    while (!h.adapter().isBlocked(me) && h.now() - deadline < 0) {
                        Thread.sleep(1);
                    }
                } finally {
                    release.countDown();
                }
            });
            t.join(null);
        } finally {
            release.countDown();
        }
        assertTrue(finished.get(), "join(None) returned before run() ended");
        assertFalse(t.isAlive());
        h.join(releaser);
        probe.check();
    }

    /** A finished thread can be joined again, and again returns promptly. */
    @Test
    @Checks("threading.Thread.join/repeatable")
    void joinRepeatable(ThreadingModule threading, Harness h) {
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {})));
        t.start();
        t.join();
        h.assertPrompt(h.time(t::join));
        h.assertPrompt(h.time(() -> t.join(Timing.MEDIUM)));
        h.assertPrompt(h.time(() -> t.join(null)));
        assertFalse(t.isAlive());
    }

    /** Several threads may join the same running thread at once; all of them return once it has ended. */
    @Test
    @Checks({"threading.Thread.join/repeatable", "threading.Thread.join/waits-for-end"})
    void concurrentJoiners(ThreadingModule threading, Harness h) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            started.countDown();
            Probe.await(release, "release");
            finished.set(true);
        })));
        t.start();
        Harness.Bunch joiners;
        try {
            Probe.await(started, "the target to start");
            joiners = h.bunch("joiner", 3, i -> {
                t.join(Timing.LONG);
                assertTrue(finished.get(), "join returned before run() ended");
                assertFalse(t.isAlive());
            });
            joiners.awaitStarted();
            assertEquals(0, joiners.finishedCount(), "a join returned while the thread could not have ended");
        } finally {
            release.countDown();
        }
        joiners.join();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
    }

    /** A thread joining itself gets RuntimeError. */
    @Test
    @Checks("threading.Thread.join/current-thread-runtimeerror")
    void joinSelf(ThreadingModule threading) {
        Probe probe = new Probe();
        AtomicReference<PyThread> self = new AtomicReference<>();
        AtomicReference<Throwable> raised = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            try {
                self.get().join(Timing.MEDIUM);
            } catch (Throwable e) {
                raised.set(e);
            }
        })));
        self.set(t);
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
        assertInstanceOf(RuntimeError.class, raised.get());
    }

    /** Joining a thread never started raises RuntimeError. */
    @Test
    @Checks("threading.Thread.join/unstarted-runtimeerror")
    void joinUnstarted(ThreadingModule threading) {
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {})));
        assertThrows(RuntimeError.class, t::join);
        assertThrows(RuntimeError.class, () -> t.join(Timing.SHORT));
    }

    /** The constructor's name is the initial name; assigning name changes it before and after start; names may repeat. */
    @Test
    @Checks({"threading.Thread.name/constructor-sets-name", "threading.Thread.name/assignable",
            "threading.Thread.name/duplicates-allowed"})
    void names(ThreadingModule threading) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> seenInside = new AtomicReference<>();
        PyThread a = threading.thread(ThreadOptions.of(probe.run(() -> {
            Probe.await(release, "release");
            seenInside.set(threading.currentThread().getName());
        })).withName("worker"));
        PyThread b = threading.thread(ThreadOptions.none().withName("worker"));
        assertEquals("worker", a.getName());
        assertEquals("worker", b.getName());
        b.setName("renamed");
        assertEquals("renamed", b.getName());
        a.start();
        try {
            a.setName("running");
            assertEquals("running", a.getName());
        } finally {
            release.countDown();
        }
        a.join(Timing.LONG);
        assertFalse(a.isAlive());
        probe.check();
        assertEquals("running", seenInside.get());
        a.setName("after");
        assertEquals("after", a.getName());
    }

    /** ident is None before start, a non-zero int once started, and unchanged after the end. */
    @Test
    @Checks({"threading.Thread.ident/none-before-start", "threading.Thread.ident/nonzero-after-start",
            "threading.Thread.ident/kept-after-exit", "threading.get_ident/matches-thread-ident"})
    void ident(ThreadingModule threading) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Long> inside = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            inside.set(threading.getIdent());
            started.countDown();
            Probe.await(release, "release");
        })));
        assertNull(t.ident());
        t.start();
        Long running;
        try {
            Probe.await(started, "the target to start");
            running = t.ident();
        } finally {
            release.countDown();
        }
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
        assertNotNull(running);
        assertNotEquals(0L, running.longValue());
        assertEquals(inside.get(), running);
        assertEquals(running, t.ident());
    }

    /** native_id is None before start and a non-negative int afterwards. */
    @Test
    @Checks({"threading.Thread.native_id/none-before-start", "threading.Thread.native_id/non-negative-after-start"})
    void nativeId(ThreadingModule threading) {
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {})));
        assertNull(t.nativeId());
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        assertNotNull(t.nativeId());
        assertTrue(t.nativeId() >= 0, "native_id " + t.nativeId());
    }

    /** A thread not yet started is not alive. */
    @Test
    @Checks("threading.Thread.is_alive/false-before-start")
    void notAliveBeforeStart(ThreadingModule threading) {
        assertFalse(threading.thread(ThreadOptions.of(PyCallable.of(() -> {}))).isAlive());
        assertFalse(threading.thread(ThreadOptions.none()).isAlive());
    }

    /** daemon may be assigned (both ways) before start, and the thread then runs with it. */
    @Test
    @Checks("threading.Thread.daemon/settable-before-start")
    void daemonSettableBeforeStart(ThreadingModule threading) {
        Probe probe = new Probe();
        AtomicReference<Boolean> inside = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> inside.set(threading.currentThread().isDaemon())))
                .withDaemon(false));
        t.setDaemon(true);
        assertTrue(t.isDaemon());
        t.setDaemon(false);
        assertFalse(t.isDaemon());
        t.setDaemon(true);
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
        assertEquals(Boolean.TRUE, inside.get());
        assertTrue(t.isDaemon());
    }

    /** Assigning daemon after start raises RuntimeError, while running and after the end, and keeps the flag. */
    @Test
    @Checks("threading.Thread.daemon/set-after-start-runtimeerror")
    void daemonAfterStart(ThreadingModule threading) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch release = new CountDownLatch(1);
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> Probe.await(release, "release"))).withDaemon(false));
        t.start();
        try {
            assertThrows(RuntimeError.class, () -> t.setDaemon(true));
            assertFalse(t.isDaemon());
        } finally {
            release.countDown();
        }
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        assertThrows(RuntimeError.class, () -> t.setDaemon(true));
        assertFalse(t.isDaemon());
        probe.check();
    }
}
