package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.Kids.asLong;
import static dev.pyconc.spec.cases.multiprocessing.Kids.ownPid;
import static dev.pyconc.spec.cases.multiprocessing.Kids.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.multiprocessing.Kids.Duplex;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases for the module functions about processes: current_process, parent_process, active_children and
 * cpu_count, and the reaping of finished children when a new one starts. What a child sees comes from a
 * {@code report} child; whether a finished child is still a zombie is read from {@code /proc}.
 */
@PyCase
class ModuleFunctionCases {

    /** In the main process current_process() is alive, has the process's own pid and is not daemonic. */
    @Test
    @Checks("multiprocessing.current_process/main-process-object")
    void currentProcessInMain(MultiprocessingModule mp) {
        PyProcess me = mp.currentProcess();
        assertTrue(me.isAlive());
        assertEquals(ownPid(mp), me.pid().longValue());
        assertFalse(me.isDaemon());
    }

    /** Inside a child, current_process() has the name and pid of the Process object the parent started. */
    @Test
    @Checks("multiprocessing.current_process/child-sees-own-process")
    void childSeesOwnProcess(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, ProcessCases.reporting(mp, pipe.theirs).withName("pyconc-child"));
            Map<String, Object> r = report(pipe.mine);
            assertEquals("pyconc-child", r.get("name"));
            assertEquals(p.pid(), asLong(r.get("pid")));
            assertEquals(0L, Procs.joined(p));
        }
    }

    /** In the main process parent_process() is None. */
    @Test
    @Checks("multiprocessing.parent_process/none-in-main")
    void parentProcessNoneInMain(MultiprocessingModule mp) {
        assertNull(mp.parentProcess());
    }

    /** In a child, parent_process() has the pid and name of the process that started it. */
    @Test
    @Checks("multiprocessing.parent_process/child-sees-parent")
    void childSeesParent(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, ProcessCases.reporting(mp, pipe.theirs));
            Map<String, Object> r = report(pipe.mine);
            assertEquals(ownPid(mp), asLong(r.get("parent_pid")));
            assertEquals(mp.currentProcess().getName(), r.get("parent_name"));
            assertEquals(0L, Procs.joined(p));
        }
    }

    /** active_children() lists a child that still runs and not one that has ended. */
    @Test
    @Checks("multiprocessing.active_children/lists-live-children")
    void activeChildrenListsLiveOnes(MultiprocessingModule mp, Harness h) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess running = procs.start(mp, mp, Routine.WAIT_MESSAGE, pipe.theirs);
            PyProcess done = procs.start(mp, mp, Routine.NOOP);
            Kids.awaitEnded(h, mp, done);
            List<PyProcess> live = mp.activeChildren();
            assertTrue(Kids.containsPid(live, running), "the waiting child is not listed");
            assertFalse(Kids.containsPid(live, done), "the ended child is listed");
            Kids.release(pipe);
            assertEquals(0L, Procs.joined(running));
        }
    }

    /** After active_children(), a child that had ended is no longer a zombie, and its exitcode is 0 without join(). */
    @Test
    @Checks("multiprocessing.active_children/joins-finished-children")
    void activeChildrenReapsFinished(MultiprocessingModule mp, Harness h) {
        try (Procs procs = new Procs()) {
            PyProcess done = procs.start(mp, mp, Routine.NOOP);
            long pid = done.pid();
            Kids.awaitEnded(h, mp, done);
            mp.activeChildren();
            assertTrue(Kids.reaped(pid), "active_children() should have reaped the finished child " + pid);
            assertEquals(0L, done.exitcode());
        }
    }

    /** Starting a new process reaps a child that had ended without being joined: no zombie of it is left. */
    @Test
    @Checks("multiprocessing/starting-process-reaps-finished")
    void startingProcessReapsFinished(MultiprocessingModule mp, Harness h) {
        try (Procs procs = new Procs()) {
            PyProcess done = procs.start(mp, mp, Routine.NOOP);
            long pid = done.pid();
            Kids.awaitEnded(h, mp, done);
            PyProcess next = procs.start(mp, mp, Routine.NOOP);
            assertTrue(Kids.reaped(pid), "start() of another child should have reaped the finished child " + pid);
            assertEquals(0L, Procs.joined(next));
            assertEquals(0L, done.exitcode());
        }
    }

    /**
     * cpu_count() is the number of CPUs of the system: positive, and on Linux the count of online CPUs that
     * {@code /sys/devices/system/cpu/online} lists (what {@code os.cpu_count()} reads), whatever this process may use.
     */
    @Test
    @Checks("multiprocessing.cpu_count/system-cpus")
    void cpuCountIsSystemCpus(MultiprocessingModule mp) throws java.io.IOException {
        long n = mp.cpuCount();
        assertTrue(n >= 1, "cpu_count() = " + n);
        Path online = Path.of("/sys/devices/system/cpu/online");
        if (Files.isReadable(online)) {
            long count = 0;
            for (String range : Files.readString(online).trim().split(",")) {
                String[] ends = range.split("-");
                count += ends.length == 1 ? 1 : Long.parseLong(ends[1]) - Long.parseLong(ends[0]) + 1;
            }
            assertEquals(count, n, "online CPUs per " + online);
        }
    }
}
