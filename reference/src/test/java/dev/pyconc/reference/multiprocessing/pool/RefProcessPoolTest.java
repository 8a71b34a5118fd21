package dev.pyconc.reference.multiprocessing.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.ReferenceAdapter;
import dev.pyconc.reference.multiprocessing.shm.SharedMemory;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.MultiprocessingTimeoutError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.AsyncResult;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The process pool: routines in child JVMs, errors, initializer, maxtasksperchild, terminate; nothing left behind. */
@Timeout(60)
class RefProcessPoolTest {
    private static final ThreadingModule THREADING = new ReferenceAdapter().module(ThreadingModule.class);
    /**
     * No worker process outlives a test. (Only this JVM's children are checked: other sessions on the machine create
     * and remove /dev/shm entries of their own meanwhile; the gate blocks these tests make are unlinked in finally.)
     */
    @AfterEach
    void noChildLeft() throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.current().children().findAny().isPresent() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), ProcessHandle.current().children().map(ProcessHandle::pid).toList(),
                "worker processes left");
    }

    private static PyCallable routine(Routine r) {
        return dev.pyconc.reference.multiprocessing.process.Routines.callable(r);
    }

    private static void end(Pool p) {
        p.terminate();
        p.join();
    }

    @Test
    void routinesRunInChildren() {
        Pool p = new RefProcessPool(THREADING, PoolOptions.of(2), 2);
        try {
            assertEquals(49L, p.apply(routine(Routine.SQUARE), List.of(7L), Map.of()));
            assertEquals(List.of(0L, 1L, 4L, 9L, 16L), p.map(routine(Routine.SQUARE), List.of(0L, 1L, 2L, 3L, 4L), 2L));
            assertEquals(List.of(3L), p.starmap(routine(Routine.ADD), List.of(List.of(1L, 2L)), null));
            assertEquals("boom", assertThrows(ValueError.class,
                    () -> p.apply(routine(Routine.FAIL), List.of("boom"), Map.of())).getMessage());
            Object pid = p.apply(routine(Routine.GETPID), List.of(), Map.of());
            assertNotEquals(ProcessHandle.current().pid(), pid);
            assertEquals(null, p.apply(routine(Routine.NOOP), List.of(), Map.of()));
            PyException e = assertThrows(PyException.class, () -> p.apply((a, k) -> 1L, List.of(), Map.of()));
            assertEquals("_pickle.PicklingError", e.pythonName());
        } finally {
            end(p);
        }
    }

    @Test
    void initializerAndMaxtasksperchild() {
        Pool p = new RefProcessPool(THREADING, PoolOptions.of(1).withMaxtasksperchild(1L)
                .withInitializer(routine(Routine.SET_GLOBAL), List.of("set")), 2);
        try {
            List<Object> pids = p.map(routine(Routine.GETPID), List.of(1L, 2L, 3L), 1L);
            assertEquals(3, new HashSet<>(pids).size(), pids.toString());
            assertEquals(List.of("set", "set"), p.map(routine(Routine.GET_GLOBAL), List.of(1L, 2L), 1L));
        } finally {
            end(p);
        }
    }

    @Test
    void gatedTaskAndTerminate() {
        SharedMemory gate = SharedMemory.create(1);
        Pool p = new RefProcessPool(THREADING, PoolOptions.of(1), 2);
        try {
            AsyncResult held = p.applyAsync(routine(Routine.AWAIT_GATE), List.of(gate.name(), "open", 30.0), Map.of(),
                    null, null);
            AsyncResult queued = p.applyAsync(routine(Routine.SQUARE), List.of(3L), Map.of(), null, null);
            assertThrows(MultiprocessingTimeoutError.class, () -> queued.get(0.2));
            assertFalse(held.ready());
            gate.buf().set(0, 1);
            assertEquals("open", held.get(20.0));
            assertEquals(9L, queued.get(20.0));
            gate.buf().set(0, 0);
            AsyncResult again = p.applyAsync(routine(Routine.AWAIT_GATE), List.of(gate.name(), "x", 30.0), Map.of(),
                    null, null);
            AsyncResult dropped = p.applyAsync(routine(Routine.SQUARE), List.of(4L), Map.of(), null, null);
            long t0 = System.nanoTime();
            p.terminate(); // kills the worker in its gated call
            p.join();
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
            assertFalse(again.ready());
            assertFalse(dropped.ready());
        } finally {
            end(p);
            gate.close();
            gate.unlink();
        }
    }

    @Test
    void closeLetsWorkersFinish() {
        Pool p = new RefProcessPool(THREADING, PoolOptions.of(2), 2);
        AsyncResult r = p.mapAsync(routine(Routine.SQUARE), List.of(1L, 2L, 3L, 4L), 1L, null, null);
        p.close();
        p.join();
        assertTrue(r.ready());
        assertEquals(List.of(1L, 4L, 9L, 16L), r.get(0.0));
    }
}
