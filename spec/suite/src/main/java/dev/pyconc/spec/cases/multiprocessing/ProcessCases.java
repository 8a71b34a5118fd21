package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.Kids.asLong;
import static dev.pyconc.spec.cases.multiprocessing.Kids.ownPid;
import static dev.pyconc.spec.cases.multiprocessing.Kids.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.multiprocessing.Kids.Duplex;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code multiprocessing.Process} objects: construction, {@code run()} and {@code start()}, and the
 * attributes name, daemon, pid and authkey, each seen from the parent and, through a {@code report} child, from
 * the child. Every child runs in the module's default context and is ended by {@link Procs}.
 */
@PyCase
class ProcessCases {

    /** {@code Process(target=report, kwargs={'target': conn})}: the child reports about itself on conn. */
    static ProcessOptions reporting(MultiprocessingModule mp, Object conn) {
        return new ProcessOptions(null, mp.routine(Routine.REPORT), null, List.of(), Map.of("target", conn), null);
    }

    /** A process object that was never started has pid None, is not alive and has exitcode None. */
    @Test
    @Checks({"multiprocessing.Process.pid/none-before-start", "multiprocessing.Process.is_alive/false-before-start"})
    void unstartedProcess(MultiprocessingModule mp) {
        PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
        assertNull(p.pid());
        assertFalse(p.isAlive());
        assertNull(p.exitcode());
    }

    /**
     * Right after start() the process has a pid other than the parent's and is alive, with exitcode None, until
     * the child (waiting for a message) is released and ends.
     */
    @Test
    @Checks({"multiprocessing.Process.start/starts-separate-process", "multiprocessing.Process.is_alive/true-while-running",
        "multiprocessing.Process.exitcode/none-while-running"})
    void startedProcessIsAliveWithItsOwnPid(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.WAIT_MESSAGE, pipe.theirs);
            assertNotNull(p.pid(), "pid after start()");
            assertNotEquals(ownPid(mp), p.pid().longValue(), "the child must be another process");
            assertTrue(p.isAlive(), "is_alive() while the child waits");
            assertNull(p.exitcode());
            Kids.release(pipe);
            assertEquals(0L, Procs.joined(p));
            assertFalse(p.isAlive());
        }
    }

    /**
     * The target runs in the child with the args given (a put child sends them back in order) and with the kwargs
     * given (a report child gets its target by keyword); the pid the child reports is the Process object's pid and
     * not the parent's.
     */
    @Test
    @Checks({"multiprocessing.Process/start-runs-target-in-child", "multiprocessing.Process.pid/os-pid-after-start"})
    void targetRunsInChildWithArgsAndKwargs(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex args = new Duplex(mp); Duplex kwargs = new Duplex(mp)) {
            PyProcess put = procs.start(mp, mp, Routine.PUT, args.theirs, 1L, "two");
            PyProcess rep = procs.start(mp, reporting(mp, kwargs.theirs));
            assertEquals(1L, asLong(Procs.next(args.mine)));
            assertEquals("two", Procs.next(args.mine));
            Map<String, Object> r = report(kwargs.mine);
            assertEquals(rep.pid(), asLong(r.get("pid")), "os.getpid() in the child is the Process's pid");
            assertNotEquals(ownPid(mp), asLong(r.get("pid")));
            assertEquals(0L, Procs.joined(put));
            assertEquals(0L, Procs.joined(rep));
        }
    }

    /** Without args or kwargs the target gets no arguments: noop(), which takes none, runs and the child exits 0. */
    @Test
    @Checks("multiprocessing.Process/no-args-by-default")
    void noArgumentsByDefault(MultiprocessingModule mp) {
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(mp, new ProcessOptions(null, mp.routine(Routine.NOOP), null, null, null, null));
            assertEquals(0L, Procs.joined(p));
        }
    }

    /** daemon=True in the constructor sets the flag the parent reads and the child sees; daemon=False clears it. */
    @Test
    @Checks("multiprocessing.Process/daemon-argument-sets-flag")
    void daemonArgumentSetsFlag(MultiprocessingModule mp) {
        assertFalse(mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)).withDaemon(false)).isDaemon());
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.track(mp.process(reporting(mp, pipe.theirs).withDaemon(true)));
            assertTrue(p.isDaemon());
            p.start();
            assertEquals(Boolean.TRUE, report(pipe.mine).get("daemon"), "current_process().daemon in the child");
            assertEquals(0L, Procs.joined(p));
        }
    }

    /** daemon assigned before start() is what the child sees as its own flag. */
    @Test
    @Checks("multiprocessing.Process.daemon/set-before-start")
    void daemonSetBeforeStart(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.track(mp.process(reporting(mp, pipe.theirs)));
            p.setDaemon(true);
            assertTrue(p.isDaemon());
            p.start();
            assertEquals(Boolean.TRUE, report(pipe.mine).get("daemon"));
            assertEquals(0L, Procs.joined(p));
        }
    }

    /**
     * A process the (non-daemonic) main process creates without a daemon argument is not daemonic, as the parent
     * reads the flag and as the child sees it.
     */
    @Test
    @Checks("multiprocessing.Process.daemon/inherited-from-creator")
    void daemonInheritedFromMainProcess(MultiprocessingModule mp) {
        assertFalse(mp.currentProcess().isDaemon(), "the main process is not daemonic");
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.track(mp.process(reporting(mp, pipe.theirs)));
            assertFalse(p.isDaemon());
            p.start();
            assertEquals(Boolean.FALSE, report(pipe.mine).get("daemon"));
            assertEquals(0L, Procs.joined(p));
        }
    }

    /** A daemonic child that tries to start a child of its own fails (it reports the exception, not "started"). */
    @Test
    @Checks("multiprocessing.Process.daemon/daemonic-cannot-have-children")
    void daemonicProcessCannotHaveChildren(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, ProcessOptions.of(mp.routine(Routine.START_CHILD), pipe.theirs).withDaemon(true));
            Object outcome = Procs.next(pipe.mine);
            assertNotEquals("started", outcome, "a daemonic process must not be able to start a child");
            assertTrue(outcome instanceof String s && s.contains("."), "the qualified name of the exception: " + outcome);
            assertEquals(0L, Procs.joined(p));
        }
    }

    /**
     * Under spawn the arguments are pickled for the child: a threading.Lock argument, which cannot be pickled,
     * makes start() raise in the parent, and no child is started.
     */
    @Test
    @Checks("multiprocessing.Process/arguments-pickled-for-spawn")
    void unpicklableArgumentFailsSpawnStart(MultiprocessingModule mp, ThreadingModule tm) {
        Context spawn = mp.getContext("spawn");
        try (Procs procs = new Procs()) {
            PyProcess p = procs.track(spawn.process(ProcessOptions.of(mp.routine(Routine.IDENTITY), tm.lock())));
            assertThrows(PyException.class, p::start);
            assertNull(p.pid(), "no child should have been started");
        }
    }

    /** CPython refuses a group other than None in the constructor with AssertionError. */
    @Test
    @Checks("multiprocessing.Process/group-must-be-none")
    void groupMustBeNone(MultiprocessingModule mp) {
        assertThrows(PyAssertionError.class, () -> mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)).withGroup("g")));
    }

    /**
     * run() called directly calls the target with args as positional and kwargs as keyword arguments, in the
     * calling process (the report it makes names the caller's pid), and starts no process.
     */
    @Test
    @Checks("multiprocessing.Process.run/calls-target-with-args")
    void runCallsTargetInCaller(MultiprocessingModule mp) {
        try (Duplex pipe = new Duplex(mp)) {
            PyProcess put = mp.process(ProcessOptions.of(mp.routine(Routine.PUT), pipe.theirs, 1L, "two"));
            put.run();
            assertEquals(1L, asLong(Procs.next(pipe.mine)));
            assertEquals("two", Procs.next(pipe.mine));
            PyProcess rep = mp.process(reporting(mp, pipe.theirs));
            rep.run();
            assertEquals(ownPid(mp), asLong(report(pipe.mine).get("pid")), "run() runs the target in the caller");
            assertNull(rep.pid(), "run() does not start the process");
        }
    }

    /** Without a target run() does nothing: called directly it returns, and a started process ends with 0. */
    @Test
    @Checks("multiprocessing.Process.run/no-target-does-nothing")
    void noTargetDoesNothing(MultiprocessingModule mp) {
        ProcessOptions none = new ProcessOptions(null, null, null, null, null, null);
        mp.process(none).run();
        try (Procs procs = new Procs()) {
            assertEquals(0L, Procs.joined(procs.start(mp, none)));
        }
    }

    /** The constructor's name is the process's name, and two processes may share one. */
    @Test
    @Checks("multiprocessing.Process.name/constructor-name")
    void constructorName(MultiprocessingModule mp) {
        ProcessOptions o = ProcessOptions.of(mp.routine(Routine.NOOP)).withName("worker");
        assertEquals("worker", mp.process(o).getName());
        assertEquals("worker", mp.process(o).getName());
    }

    /** name can be assigned any string, before and after the constructor's. */
    @Test
    @Checks("multiprocessing.Process.name/settable")
    void nameSettable(MultiprocessingModule mp) {
        PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)).withName("first"));
        p.setName("second");
        assertEquals("second", p.getName());
        PyProcess q = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
        q.setName("");
        assertEquals("", q.getName());
    }

    /**
     * Without a name, processes the main process creates are named ...-N with N counting its children: two made
     * one after the other end in consecutive numbers.
     */
    @Test
    @Checks("multiprocessing.Process.name/default-counter-path")
    void defaultNameCountsChildren(MultiprocessingModule mp) {
        long first = counter(mp.process(ProcessOptions.of(mp.routine(Routine.NOOP))).getName());
        long second = counter(mp.process(ProcessOptions.of(mp.routine(Routine.NOOP))).getName());
        assertEquals(first + 1, second, "the second child made gets the next number");
    }

    private static final Pattern COUNTER = Pattern.compile("-(\\d+)$");

    /** N of a default name ending in -N. */
    static long counter(String name) {
        Matcher m = COUNTER.matcher(name);
        assertTrue(m.find(), "a default name of a child of the main process ends in -N: " + name);
        return Long.parseLong(m.group(1));
    }

    /**
     * CPython names a context's processes after its class (SpawnProcess-N, ForkServerProcess-N, ForkProcess-N),
     * all numbered by one counter.
     */
    @Test
    @Checks("multiprocessing.Process.name/default-prefix-from-class")
    void defaultNamePrefixFromClass(MultiprocessingModule mp) {
        Map<String, String> prefix = Map.of("spawn", "SpawnProcess-", "forkserver", "ForkServerProcess-", "fork",
                "ForkProcess-");
        Long last = null;
        for (String method : mp.getAllStartMethods()) {
            String name = mp.getContext(method).process(ProcessOptions.of(mp.routine(Routine.NOOP))).getName();
            assertTrue(name.startsWith(prefix.get(method)), method + " context's process is named " + name);
            long n = counter(name);
            if (last != null) {
                assertEquals(last + 1, n, "one counter for all contexts: " + name);
            }
            last = n;
        }
    }

    /** The main process has an authentication key: non-empty bytes. */
    @Test
    @Checks("multiprocessing.Process.authkey/main-gets-random-key")
    void mainProcessHasAuthkey(MultiprocessingModule mp) {
        PyBytes key = mp.currentProcess().getAuthkey();
        assertNotNull(key);
        assertTrue(key.size() > 0, "the main process's authkey is empty");
    }

    /** A new Process object has its creator's authkey, and the child sees that key. */
    @Test
    @Checks("multiprocessing.Process.authkey/inherited-by-new-process")
    void authkeyInherited(MultiprocessingModule mp) {
        PyBytes key = mp.currentProcess().getAuthkey();
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.track(mp.process(reporting(mp, pipe.theirs)));
            assertEquals(key, p.getAuthkey());
            p.start();
            assertEquals(key, report(pipe.mine).get("authkey"));
            assertEquals(0L, Procs.joined(p));
        }
    }

    /** authkey assigned before start() replaces the inherited one, in the parent's object and in the child. */
    @Test
    @Checks("multiprocessing.Process.authkey/settable-bytes")
    void authkeySettable(MultiprocessingModule mp) {
        PyBytes key = PyBytes.utf8("pyconc-authkey");
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.track(mp.process(reporting(mp, pipe.theirs)));
            p.setAuthkey(key);
            assertEquals(key, p.getAuthkey());
            p.start();
            assertEquals(key, report(pipe.mine).get("authkey"));
            assertEquals(0L, Procs.joined(p));
        }
    }
}
