package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pool contract on {@code multiprocessing.pool.ThreadPool(...)}; and what only a ThreadPool promises. */
@PyCase
@Binding(name = "pool", api = "multiprocessing.pool.ThreadPool")
class ThreadPoolCases extends PoolContract {

    @Override
    protected Pool newPool(Adapter adapter, PoolOptions options) {
        return adapter.module(MultiprocessingModule.class).threadPool(options);
    }

    /** A ThreadPool's tasks run in the calling process, and a task may be any callable, not only a routine. */
    @Test
    @Checks("multiprocessing.pool.ThreadPool/worker-threads")
    void tasksRunInThisProcess(MultiprocessingModule mp, Harness h) {
        Object me = mp.routine(Routine.GETPID).call(List.of(), Map.of());
        AtomicLong calls = new AtomicLong();
        Pool pool = mp.threadPool(PoolOptions.of(2));
        try {
            assertEquals(List.of(me, me, me), pool.map(mp.routine(Routine.GETPID), List.of(1L, 2L, 3L), 1L));
            assertEquals(List.of(10L, 20L), pool.map((a, k) -> {
                calls.incrementAndGet();
                return (Long) a.get(0) * 10;
            }, List.of(1L, 2L), 1L));
            assertEquals(2L, calls.get());
        } finally {
            end(h, pool, null);
        }
    }

    /** In CPython a ThreadPool runs callables that could not be pickled, here a Java function, with apply and map. */
    @Test
    @Checks("multiprocessing.pool.ThreadPool/no-pickling")
    void runsUnpicklableCallables(MultiprocessingModule mp, Harness h) {
        Pool pool = mp.threadPool(PoolOptions.of(2));
        try {
            assertEquals("local", pool.apply((a, k) -> "local", List.of(), Map.of()));
            assertEquals(List.of(2L, 3L), pool.map((a, k) -> (Long) a.get(0) + 1, List.of(1L, 2L), null));
        } finally {
            end(h, pool, null);
        }
    }

    /** A ThreadPool takes no maxtasksperchild argument: giving one raises TypeError. */
    @Test
    @Checks("multiprocessing.pool.ThreadPool/no-maxtasksperchild-or-context")
    void noMaxtasksperchild(MultiprocessingModule mp) {
        assertThrows(TypeError.class, () -> mp.threadPool(PoolOptions.of(1).withMaxtasksperchild(1L)));
    }
}
