package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pool contract on {@code multiprocessing.Pool(...)}, worker processes of the module's context; and what only a
 * process pool promises: tasks run in other processes, and maxtasksperchild.
 */
@PyCase
@Binding(name = "pool", api = "multiprocessing.pool.Pool")
class ProcessPoolCases extends PoolContract {

    @Override
    protected Pool newPool(Adapter adapter, PoolOptions options) {
        return adapter.module(MultiprocessingModule.class).pool(options);
    }

    /** With maxtasksperchild None one worker runs every task, in one process that is not the caller's. */
    @Test
    @Checks("multiprocessing.pool.Pool/workers-live-as-long-as-pool")
    void workersLiveAsLongAsPool(MultiprocessingModule mp, Harness h) {
        Object me = mp.routine(Routine.GETPID).call(List.of(), Map.of());
        Pool pool = mp.pool(PoolOptions.of(1));
        try {
            List<Object> pids = pool.map(mp.routine(Routine.GETPID), List.of(1L, 2L, 3L, 4L, 5L), 1L);
            assertEquals(1, new HashSet<>(pids).size(), "pids: " + pids);
            assertNotEquals(me, pids.get(0), "the task ran in the caller's process");
        } finally {
            end(h, pool, null);
        }
    }

    /**
     * A pool made by get_context('spawn') starts its workers with that method: they run in other processes, each a
     * fresh interpreter that does not see a global the caller set (a forked worker would).
     */
    @Test
    @Checks("multiprocessing.pool.Pool/context-starts-workers")
    void contextChoosesStartMethod(MultiprocessingModule mp, Harness h) {
        String token = "parent-" + h.random().nextLong();
        mp.routine(Routine.SET_GLOBAL).call(List.of(token), Map.of());
        Object me = mp.routine(Routine.GETPID).call(List.of(), Map.of());
        Pool pool = mp.getContext("spawn").pool(PoolOptions.of(1));
        try {
            assertNotEquals(me, pool.apply(mp.routine(Routine.GETPID), List.of(), Map.of()));
            assertEquals(null, pool.apply(mp.routine(Routine.GET_GLOBAL), List.of(), Map.of()),
                    "a spawned worker saw the caller's global");
        } finally {
            end(h, pool, null);
            mp.routine(Routine.SET_GLOBAL).call(java.util.Arrays.asList((Object) null), Map.of());
        }
    }

    /** With maxtasksperchild 1 every task runs in a fresh worker process. */
    @Test
    @Checks("multiprocessing.pool.Pool/maxtasksperchild-replaces-workers")
    void maxtasksperchildReplacesWorkers(MultiprocessingModule mp, Harness h) {
        Pool pool = mp.pool(PoolOptions.of(1).withMaxtasksperchild(1L));
        try {
            List<Object> pids = pool.map(mp.routine(Routine.GETPID), List.of(1L, 2L, 3L), 1L);
            Set<Object> distinct = new HashSet<>(pids);
            assertEquals(3, distinct.size(), "pids: " + pids);
        } finally {
            end(h, pool, null);
        }
    }

    /**
     * In CPython an imap iterator raises a call's exception when it reaches that item and goes on with the next;
     * with a chunksize above 1 imap returns a plain generator, which has no next(timeout).
     */
    @Test
    @Checks({"multiprocessing.pool.Pool.imap/exception-raised-by-iterator",
            "multiprocessing.pool.Pool.imap/chunked-iterator-has-no-next-timeout"})
    void imapIteratorDetails(MultiprocessingModule mp, Harness h) {
        Pool pool = mp.pool(PoolOptions.of(2));
        try {
            PoolIterator it = pool.imap(mp.routine(Routine.FAIL), List.of("first", "second"), 1);
            assertEquals("first", assertThrows(ValueError.class, () -> it.next(Timing.LONG)).getMessage());
            assertEquals("second", assertThrows(ValueError.class, () -> it.next(Timing.LONG)).getMessage());
            assertThrows(StopIteration.class, () -> it.next(Timing.LONG));
            PoolIterator chunked = pool.imap(mp.routine(Routine.SQUARE), List.of(1L, 2L, 3L), 2);
            assertThrows(AttributeError.class, () -> chunked.next(Timing.LONG));
            assertEquals(List.of(1L, 4L, 9L), chunked.toList());
        } finally {
            end(h, pool, null);
        }
    }

    /** CPython refuses processes below 1 and a maxtasksperchild that is not positive with ValueError. */
    @Test
    @Checks("multiprocessing.pool.Pool/fewer-than-one-worker-valueerror")
    void invalidArgumentsRaise(MultiprocessingModule mp) {
        assertThrows(ValueError.class, () -> mp.pool(PoolOptions.of(0)));
        assertThrows(ValueError.class, () -> mp.pool(PoolOptions.of(-2)));
        assertThrows(ValueError.class, () -> mp.pool(PoolOptions.of(1).withMaxtasksperchild(0L)));
    }
}
