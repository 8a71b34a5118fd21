package dev.pyconc.reference.multiprocessing.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.RefMultiprocessingModule;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Child JVMs through the SPI: start, join, exitcode in every form, signals, the sentinel with
 * {@code connection.wait}, pipes handed to a child, current and parent process in the child, contexts. Every
 * wait is bounded; every child is killed and reaped in {@link #tearDown()}, and the count of this JVM's children
 * (read from /proc) is the same before and after each test.
 */
@Timeout(120)
class ProcessTest {
    static final double LONG = 30.0;
    private static long classStart;
    private RefMultiprocessingModule mp;
    private final List<PyProcess> started = new ArrayList<>();
    private final List<Connection> conns = new ArrayList<>();
    private long childrenBefore;

    @BeforeAll
    static void startClock() {
        classStart = System.nanoTime();
    }

    @AfterAll
    static void stopClock() {
        System.out.printf("ProcessTest: whole class %.2f s%n", (System.nanoTime() - classStart) / 1e9);
    }

    @BeforeEach
    void setUp() {
        childrenBefore = ProcessHandle.current().children().count();
        mp = new RefMultiprocessingModule();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Connection c : conns) {
            c.close();
        }
        mp.cleanUp();
        for (PyProcess p : started) {
            try {
                assertNotNull(p.exitcode(), "clean-up left " + p + " running");
            } catch (ValueError closed) {
                // closed by the test: it had ended
            }
        }
        long end = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.current().children().count() != childrenBefore && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(childrenBefore, ProcessHandle.current().children().count(), "children left");
    }

    private PyProcess start(Context ctx, Routine r, Object... args) {
        PyProcess p = ctx.process(ProcessOptions.of(mp.routine(r), args));
        started.add(p);
        p.start();
        return p;
    }

    private List<Connection> pipe(boolean duplex) {
        List<Connection> p = mp.pipe(duplex);
        conns.addAll(p);
        return p;
    }

    private static long joined(PyProcess p) {
        p.join(LONG);
        assertNotNull(p.exitcode(), "child did not end within " + LONG + " s");
        return p.exitcode();
    }

    private static Object next(Connection c) {
        assertTrue(c.poll(LONG), "no message within " + LONG + " s");
        return c.recv();
    }

    @Test
    void startJoinExitcodeZero() {
        PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
        started.add(p);
        assertNull(p.pid());
        assertFalse(p.isAlive());
        assertNull(p.exitcode());
        assertEquals("process not started", assertThrows(ValueError.class, p::sentinel).getMessage());
        assertEquals("can only join a started process", assertThrows(PyAssertionError.class, p::join).getMessage());
        p.start();
        assertNotNull(p.pid());
        assertNotEquals(ProcessHandle.current().pid(), p.pid());
        assertEquals(p.pid(), p.ident());
        assertEquals("cannot start a process twice", assertThrows(PyAssertionError.class, p::start).getMessage());
        assertEquals("process has already started",
                assertThrows(PyAssertionError.class, () -> p.setDaemon(true)).getMessage());
        assertEquals(0L, joined(p));
        assertFalse(p.isAlive());
        p.join(); // again: at once
        p.close();
        assertEquals("process object is closed", assertThrows(ValueError.class, p::exitcode).getMessage());
        assertTrue(p.getName().startsWith("Process-"));
    }

    @Test
    void exitcodeForms() {
        PyProcess none = start(mp, Routine.EXIT, (Object) null);
        PyProcess three = start(mp, Routine.EXIT, 3L);
        PyProcess text = start(mp, Routine.EXIT, "bye from the child (expected on stderr)");
        PyProcess fail = start(mp, Routine.FAIL, "boom (an expected traceback on stderr)");
        PyProcess ret = start(mp, Routine.SQUARE, 4L);
        assertEquals(0L, joined(none));
        assertEquals(3L, joined(three));
        assertEquals(1L, joined(text));
        assertEquals(1L, joined(fail));
        assertEquals(0L, joined(ret));
    }

    @Test
    void terminateKillInterrupt() {
        List<Connection> pa = pipe(true);
        List<Connection> pb = pipe(true);
        List<Connection> pc = pipe(true);
        PyProcess t = start(mp, Routine.WAIT_MESSAGE, pa.get(1));
        PyProcess k = start(mp, Routine.WAIT_MESSAGE, pb.get(1));
        // interrupt(): the child must be inside the routine first, so it reports, then waits
        PyProcess i = start(mp, Routine.HOLD_LOCK, new NoLock(), pc.get(1));
        assertEquals("acquired", next(pc.get(0)));
        t.join(0.05);
        assertNull(t.exitcode());
        assertTrue(t.isAlive());
        t.terminate();
        k.kill();
        i.interrupt();
        assertEquals(-15L, joined(t));
        assertEquals(-9L, joined(k));
        assertEquals(1L, joined(i));
        t.terminate(); // after the end: nothing
    }

    @Test
    void sentinelWithWait() {
        List<Connection> p = pipe(false);
        PyProcess c = start(mp, Routine.WAIT_MESSAGE, p.get(0));
        long s = c.sentinel();
        assertEquals(List.of(), mp.wait(List.of(p.get(0), s), 0.1));
        p.get(1).send("go");
        List<Object> ready = mp.wait(List.of(s), LONG);
        assertEquals(List.of(s), ready);
        assertEquals(0L, joined(c));
    }

    @Test
    void pipesHandedToAChild() {
        List<Connection> oneWay = pipe(false);
        List<Connection> duplex = pipe(true);
        PyProcess a = start(mp, Routine.PUT, oneWay.get(1), 1L, "two", PyBytes.utf8("3"), List.of(4L, 5.5));
        assertEquals(1L, next(oneWay.get(0)));
        assertEquals("two", next(oneWay.get(0)));
        assertEquals(PyBytes.utf8("3"), next(oneWay.get(0)));
        assertEquals(List.of(4L, 5.5), next(oneWay.get(0)));
        assertEquals(0L, joined(a));
        // the child receives on its end of a duplex pipe and returns; the parent's end stays usable
        PyProcess b = start(mp, Routine.WAIT_MESSAGE, duplex.get(1));
        duplex.get(0).send(Map.of("k", "v"));
        assertEquals(0L, joined(b));
        duplex.get(0).send("still open");
        assertEquals("still open", duplex.get(1).recv());
    }

    @Test
    void currentAndParentProcessInTheChild() {
        List<Connection> p = pipe(false);
        PyProcess c = mp.process(ProcessOptions.of(mp.routine(Routine.REPORT), p.get(1)).withName("worker"));
        started.add(c);
        PyBytes key = PyBytes.utf8("a key of the parent's choice");
        c.setAuthkey(key);
        c.start();
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) next(p.get(0));
        assertEquals("worker", r.get("name"));
        assertEquals(c.pid(), r.get("pid"));
        assertEquals(false, r.get("daemon"));
        assertEquals(key, r.get("authkey"));
        assertEquals(ProcessHandle.current().pid(), r.get("parent_pid"));
        assertEquals("MainProcess", r.get("parent_name"));
        assertEquals(0L, joined(c));

        PyProcess d = start(mp.getContext("spawn"), Routine.REPORT, p.get(1));
        @SuppressWarnings("unchecked")
        Map<String, Object> r2 = (Map<String, Object>) next(p.get(0));
        assertTrue(((String) r2.get("name")).startsWith("SpawnProcess-"), r2.toString());
        assertEquals(mp.currentProcess().getAuthkey(), r2.get("authkey"));
        assertEquals(32, ((PyBytes) r2.get("authkey")).size());
        assertEquals(0L, joined(d));
    }

    @Test
    void daemonicChildrenMayNotStartChildrenOthersMay() {
        List<Connection> p = pipe(false);
        PyProcess daemonic = mp.process(ProcessOptions.of(mp.routine(Routine.START_CHILD), p.get(1)).withDaemon(true));
        started.add(daemonic);
        daemonic.start();
        PyProcess plain = start(mp, Routine.START_CHILD, p.get(1));
        List<Object> got = List.of(next(p.get(0)), next(p.get(0)));
        assertTrue(got.contains("builtins.AssertionError"), got.toString());
        assertTrue(got.contains("started"), got.toString());
        assertEquals(0L, joined(daemonic));
        assertEquals(0L, joined(plain));
    }

    @Test
    void mainProcessAndActiveChildren() {
        PyProcess me = mp.currentProcess();
        assertEquals("MainProcess", me.getName());
        assertEquals(ProcessHandle.current().pid(), me.pid());
        assertTrue(me.isAlive());
        assertFalse(me.isDaemon());
        assertNull(mp.parentProcess());
        assertEquals("can only join a child process", assertThrows(PyAssertionError.class, me::join).getMessage());
        List<Connection> p = pipe(false);
        PyProcess c = start(mp, Routine.WAIT_MESSAGE, p.get(0));
        assertTrue(mp.activeChildren().contains(c));
        p.get(1).send(null);
        List<Object> ready = mp.wait(List.of(c.sentinel()), LONG);
        assertEquals(1, ready.size());
        long end = System.nanoTime() + 5_000_000_000L;
        while (mp.activeChildren().contains(c) && System.nanoTime() < end) {
            Thread.onSpinWait(); // the sentinel is ready a moment before the child is a zombie
        }
        assertFalse(mp.activeChildren().contains(c));
        assertEquals(0L, c.exitcode()); // reaped by active_children()
        assertEquals("Cannot close a process while it is still running. You should first call join() or terminate().",
                assertThrows(ValueError.class, () -> {
                    PyProcess r = start(mp, Routine.WAIT_MESSAGE, p.get(0));
                    r.close();
                }).getMessage());
    }

    @Test
    void contextsAndStartMethods() {
        assertEquals(List.of("spawn"), mp.getAllStartMethods());
        assertNull(mp.getStartMethod(true));
        Context spawn = mp.getContext("spawn");
        assertNull(mp.getStartMethod(true), "a named context leaves the global method unset");
        assertEquals("spawn", spawn.getStartMethod());
        assertEquals("cannot set start method of concrete context",
                assertThrows(ValueError.class, () -> spawn.setStartMethod("spawn", false)).getMessage());
        assertEquals("cannot find context for 'fork'",
                assertThrows(ValueError.class, () -> mp.getContext("fork")).getMessage());
        assertThrows(ValueError.class, () -> mp.setStartMethod("forkserver", false));
        mp.setStartMethod("spawn", false);
        assertEquals("context has already been set",
                assertThrows(RuntimeError.class, () -> mp.setStartMethod("spawn", false)).getMessage());
        mp.setStartMethod(null, true);
        assertNull(mp.getStartMethod(true));
        assertEquals("spawn", mp.getStartMethod());
        assertTrue(mp.getContext(null) == spawn);
        assertEquals("group argument must be None for now", assertThrows(PyAssertionError.class,
                () -> mp.process(ProcessOptions.of(null).withGroup("g"))).getMessage());
        assertTrue(mp.cpuCount() >= 1);
    }

    @Test
    void startTimeOfOneChild() {
        start(mp, Routine.NOOP); // warm the parent side once
        joined(started.get(0));
        long[] ns = new long[10];
        for (int i = 0; i < ns.length; i++) {
            long t0 = System.nanoTime();
            PyProcess p = start(mp, Routine.NOOP);
            assertEquals(0L, joined(p));
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf("ProcessTest: start+join of one NOOP child, median of 10: %.0f ms (min %.0f, max %.0f)%n",
                (ns[4] + ns[5]) / 2e6, ns[0] / 1e6, ns[9] / 1e6);
    }

    @Test
    void waitOverConnectionsAndListenerClient() throws Exception {
        List<Connection> a = pipe(false);
        List<Connection> b = pipe(true);
        assertEquals(List.of(), mp.wait(List.of(a.get(0), b.get(0)), 0.0));
        b.get(1).send("x");
        assertEquals(List.of(b.get(0)), mp.wait(List.of(a.get(0), b.get(0)), LONG));
        a.get(1).close(); // end of file is ready too
        assertEquals(List.of(a.get(0), b.get(0)), mp.wait(List.of(a.get(0), b.get(0)), LONG));
        assertThrows(dev.pyconc.spi.exceptions.TypeError.class, () -> mp.wait(List.of("not a connection"), 0.0));
        PyBytes key = PyBytes.utf8("secret");
        try (var l = (dev.pyconc.reference.multiprocessing.connection.Listener) mp.listener(null, "AF_UNIX", 1, key)) {
            java.util.concurrent.CompletableFuture<Connection> acc = java.util.concurrent.CompletableFuture.supplyAsync(l::accept);
            Connection client = mp.client(l.address(), null, key);
            conns.add(client);
            Connection server = acc.get(30, java.util.concurrent.TimeUnit.SECONDS);
            conns.add(server);
            client.send(PyBytes.utf8("hi"));
            // a socket connection from a Listener has no fd here: wait asks it with poll()
            assertEquals(List.of(server), mp.wait(List.of(server, b.get(1)), LONG));
            assertEquals(PyBytes.utf8("hi"), server.recv());
        }
    }

    /** A lock that is always free: HOLD_LOCK needs one, and this test needs none shared. */
    static final class NoLock implements dev.pyconc.spi.threading.Lock, dev.pyconc.reference.multiprocessing.Reducible {
        static {
            dev.pyconc.reference.multiprocessing.Rebuilders.register(NoLock.class.getName(), s -> new NoLock());
        }

        @Override
        public dev.pyconc.reference.multiprocessing.Reduction reduce() {
            return new dev.pyconc.reference.multiprocessing.Reduction(NoLock.class.getName(), List.of(), List.of());
        }

        @Override
        public boolean acquire() {
            return true;
        }

        @Override
        public boolean acquire(boolean blocking) {
            return true;
        }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            return true;
        }

        @Override
        public void release() {}

        @Override
        public boolean locked() {
            return false;
        }

        @Override
        public Held enter() {
            return Held.of(() -> {});
        }
    }
}
