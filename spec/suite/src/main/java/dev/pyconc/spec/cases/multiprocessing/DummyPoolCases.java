package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.queue.Queue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pool contract on {@code multiprocessing.dummy.Pool(...)}; and what only {@code multiprocessing.dummy} promises. */
@PyCase
@Binding(name = "pool", api = "multiprocessing.dummy.Pool")
class DummyPoolCases extends PoolContract {

    @Override
    protected Pool newPool(Adapter adapter, PoolOptions options) {
        return adapter.module(MultiprocessingModule.class).dummy().pool(options);
    }

    /** multiprocessing.dummy's Pool is a pool of threads: its tasks run in the calling process, any callable is a task. */
    @Test
    @Checks("multiprocessing.dummy/pool-is-threadpool")
    void poolRunsThreads(MultiprocessingModule mp, Harness h) {
        Object me = mp.routine(Routine.GETPID).call(List.of(), Map.of());
        Pool pool = mp.dummy().pool(PoolOptions.of(2));
        try {
            assertEquals(List.of(me, me), pool.map(mp.routine(Routine.GETPID), List.of(1L, 2L), 1L));
            assertEquals(7L, pool.apply((a, k) -> 7L, List.of(), Map.of()));
        } finally {
            end(h, pool, null);
        }
    }

    /** In CPython multiprocessing.dummy.Queue is queue.Queue: first in first out, bounded by maxsize, Full and Empty. */
    @Test
    @Checks("multiprocessing.dummy/names-are-threading-and-queue")
    void queueIsQueueQueue(MultiprocessingModule mp) {
        Queue q = mp.dummy().queue(2);
        assertTrue(q.empty());
        assertThrows(Empty.class, q::getNowait);
        q.put(1L);
        q.put(2L);
        assertTrue(q.full());
        assertThrows(Full.class, () -> q.putNowait(3L));
        assertEquals(1L, q.get());
        assertEquals(2L, q.get());
        assertFalse(q.full());
    }
}
