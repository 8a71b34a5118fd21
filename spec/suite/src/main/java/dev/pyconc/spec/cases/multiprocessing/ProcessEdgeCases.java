package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.Kids.asLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pyconc.spec.cases.multiprocessing.Kids.Duplex;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases for what happens around a child's life rather than through the Process API itself: its stdin, what a
 * terminated child does not run, its own children when it exits or is terminated, a queue whose feeder is
 * cancelled, how args are given, freeze_support() and the forkserver. A child that must wait until the case says
 * so polls a gate byte in a shared memory block ({@link Routine#AWAIT_GATE}); every block is unlinked and every
 * grandchild (which {@link Procs} does not know) is killed by pid on the way out.
 */
@PyCase
class ProcessEdgeCases {
    private static final long SIGTERM = 15;

    /** A child's sys.stdin is open on os.devnull, so reading it gives '' at once. */
    @Test
    @Checks("multiprocessing/child-stdin-is-devnull")
    void childStdinIsDevnull(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.READ_STDIN, pipe.theirs);
            assertEquals("", Procs.next(pipe.mine), "sys.stdin.read() in the child");
            assertEquals(0L, Procs.joined(p));
        }
    }

    /**
     * A child terminated while inside a try statement never runs its finally clause: the byte that clause writes
     * stays 0. The same routine let return (its gate opened) does write it, so the routine's finally is real.
     */
    @Test
    @Checks("multiprocessing.Process.terminate/no-cleanup-in-child")
    void terminatedChildRunsNoFinally(MultiprocessingModule mp, SharedMemoryModule shm) {
        try (Procs procs = new Procs(); Block killed = new Block(shm, 2); Block control = new Block(shm, 2);
                Duplex pipe = new Duplex(mp); Duplex pipe2 = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.GUARDED_WAIT, killed.name(), Timing.CASE, pipe.theirs);
            assertEquals("waiting", Procs.next(pipe.mine));
            p.terminate();
            assertEquals(-SIGTERM, Procs.joined(p));
            assertEquals(0, killed.byteAt(1), "the terminated child's finally clause wrote its marker");

            PyProcess q = procs.start(mp, mp, Routine.GUARDED_WAIT, control.name(), Timing.CASE, pipe2.theirs);
            assertEquals("waiting", Procs.next(pipe2.mine));
            control.open();
            assertEquals(0L, Procs.joined(q));
            assertEquals(1, control.byteAt(1), "a child let return should run its finally clause");
        }
    }

    /**
     * A child that exits (its target returned) terminates its daemonic child rather than waiting for it: the
     * grandchild, blocked on a gate nobody opens, is gone soon after the child ended with exitcode 0.
     */
    @Test
    @Checks("multiprocessing.Process.daemon/daemonic-children-terminated-at-exit")
    void daemonicGrandchildEndsWithChild(MultiprocessingModule mp, SharedMemoryModule shm, Harness h) {
        try (Procs procs = new Procs(); Block gate = new Block(shm, 1); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.SPAWN_GRANDCHILD, true, gate.name(), pipe.theirs);
            long grandchild = asLong(Procs.next(pipe.mine));
            try {
                assertEquals(0L, Procs.joined(p), "the child should exit without waiting for its daemonic child");
                h.poll("the daemonic grandchild to be terminated", () -> Kids.ended(grandchild));
            } finally {
                gate.open();
                killIfRunning(grandchild);
            }
        }
    }

    /**
     * terminate() ends only the child: its own (non-daemonic) child, blocked on a gate, still runs after the
     * child has ended by SIGTERM, and ends by itself once the case opens the gate.
     */
    @Test
    @Checks("multiprocessing.Process.terminate/descendants-orphaned")
    void terminateLeavesGrandchildRunning(MultiprocessingModule mp, SharedMemoryModule shm, Harness h) {
        try (Procs procs = new Procs(); Block gate = new Block(shm, 1); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.SPAWN_GRANDCHILD, false, gate.name(), pipe.theirs);
            long grandchild = asLong(Procs.next(pipe.mine));
            try {
                p.terminate();
                assertEquals(-SIGTERM, Procs.joined(p));
                assertFalse(Kids.ended(grandchild), "the grandchild ended with the terminated child");
                gate.open();
                h.poll("the orphaned grandchild to return once the gate is open", () -> Kids.ended(grandchild));
            } finally {
                gate.open();
                killIfRunning(grandchild);
            }
        }
    }

    /**
     * A child that called cancel_join_thread() and then put an item far larger than a pipe holds (1 MiB) exits
     * although nobody reads the queue: it does not wait for its feeder thread to flush the item.
     */
    @Test
    @Checks("multiprocessing.Queue.cancel_join_thread/exit-without-flush")
    void cancelledFeederDoesNotHoldExit(MultiprocessingModule mp) {
        Queue q = mp.queue();
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(mp, mp, Routine.PUT_AND_CANCEL, q, PyBytes.of(new byte[1 << 20]));
            assertEquals(0L, Procs.joined(p), "the child's exitcode");
        } finally {
            q.close();
        }
    }

    /** Process args given as a tuple and as a list reach the target the same way: put(conn, 'a', 1) both times. */
    @Test
    @Checks("multiprocessing.Process/args-list-or-tuple")
    void argsListOrTuple(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex tuple = new Duplex(mp); Duplex list = new Duplex(mp)) {
            ProcessOptions asTuple = new ProcessOptions(null, mp.routine(Routine.PUT), null,
                    PyTuple.of(tuple.theirs, "a", 1L), null, null);
            ProcessOptions asList = new ProcessOptions(null, mp.routine(Routine.PUT), null,
                    Arrays.asList(list.theirs, "a", 1L), null, null);
            PyProcess p = procs.start(mp, asTuple);
            PyProcess q = procs.start(mp, asList);
            assertEquals("a", Procs.next(tuple.mine), "args as a tuple");
            assertEquals(1L, asLong(Procs.next(tuple.mine)), "args as a tuple");
            assertEquals("a", Procs.next(list.mine), "args as a list");
            assertEquals(1L, asLong(Procs.next(list.mine)), "args as a list");
            assertEquals(0L, Procs.joined(p));
            assertEquals(0L, Procs.joined(q));
        }
    }

    /** In a program run by the interpreter (not frozen) freeze_support() returns, and processes start as before. */
    @Test
    @Checks("multiprocessing.freeze_support/no-effect-when-not-frozen")
    void freezeSupportDoesNothing(MultiprocessingModule mp) {
        Kids.restoringGlobal(mp, () -> {
            mp.freezeSupport();
            try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
                PyProcess p = procs.start(mp, mp, Routine.PUT, pipe.theirs, "ok");
                assertEquals("ok", Procs.next(pipe.mine));
                assertEquals(0L, Procs.joined(p));
            }
        });
    }

    /**
     * Under forkserver a child's operating-system parent is the server, not the process that asked for it: the
     * workers of two pools made one after the other both have the same parent, which is not the caller.
     */
    @Test
    @Checks("multiprocessing/forkserver-server-forks-children")
    void forkserverIsTheParent(MultiprocessingModule mp) {
        long me = Kids.ownPid(mp);
        Context ctx = mp.getContext("forkserver");
        Object first = ppidOfWorker(mp, ctx);
        Object second = ppidOfWorker(mp, ctx);
        assertNotEquals(me, asLong(first), "the worker's parent is the caller itself");
        assertEquals(asLong(first), asLong(second), "both workers should come from the one server");
    }

    /** os.getppid() of the worker of a new one-process Pool of ctx; the pool is terminated after. */
    private static Object ppidOfWorker(MultiprocessingModule mp, Context ctx) {
        Pool pool = ctx.pool(PoolOptions.of(1));
        try {
            return pool.apply(mp.routine(Routine.GETPPID), List.of(), Map.of());
        } finally {
            pool.terminate();
            pool.join();
        }
    }

    /** SIGKILL to a process the case learnt only the pid of (a grandchild), if it is still running. */
    private static void killIfRunning(long pid) {
        if (!Kids.ended(pid)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A zero-filled shared memory block whose byte 0 is a gate; closed and unlinked at the end. */
    private static final class Block implements AutoCloseable {
        private final SharedMemory block;

        Block(SharedMemoryModule shm, long size) {
            block = shm.sharedMemory(null, true, size);
        }

        String name() {
            return block.name();
        }

        void open() {
            block.buf().write(0, PyBytes.of((byte) 1));
        }

        int byteAt(long offset) {
            return block.buf().read(offset, 1).get(0);
        }

        @Override
        public void close() {
            try {
                block.close();
            } finally {
                block.unlink();
            }
        }
    }
}
