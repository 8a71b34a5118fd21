package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.LockContract;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.Barrier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases for {@code multiprocessing.Barrier}: {@code threading.Barrier}'s rounds, shared by processes. */
@PyCase
class BarrierCases {

    /** Two rounds of three threads: each round gives the indices 0, 1 and 2 once each; the barrier ends empty, unbroken. */
    @Test
    @Checks("multiprocessing.Barrier/clone-of-threading-barrier")
    void roundsGiveDistinctIndices(MultiprocessingModule mp, Harness h) {
        Barrier b = mp.barrier(3);
        assertEquals(3, b.parties());
        try {
            for (int round = 0; round < 2; round++) {
                List<Long> got = Collections.synchronizedList(new ArrayList<>());
                h.bunch("party", 3, i -> got.add(b.await(Timing.LONG))).join();
                List<Long> sorted = new ArrayList<>(got);
                Collections.sort(sorted);
                assertEquals(List.of(0L, 1L, 2L), sorted, "indices of round " + round);
            }
        } finally {
            LockContract.quietly(b::abort);
        }
        assertEquals(0, b.nWaiting());
    }

    /** A wait that times out raises BrokenBarrierError and breaks the barrier; reset() mends it; abort() breaks it again. */
    @Test
    @Checks("multiprocessing.Barrier/timeout-breaks")
    void timeoutAndAbortBreak(MultiprocessingModule mp, Harness h) {
        Barrier b = mp.barrier(2);
        assertFalse(b.broken());
        long t0 = h.now();
        assertThrows(BrokenBarrierError.class, () -> b.await(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertTrue(b.broken());
        b.reset();
        assertFalse(b.broken());
        b.abort();
        assertTrue(b.broken());
        h.assertPrompt(h.time(() -> assertThrows(BrokenBarrierError.class, () -> b.await(Timing.LONG))));
    }

    /** Two child processes and the parent pass one Barrier(3): n_waiting counts the children, indices are 0, 1, 2. */
    @Test
    @Checks("multiprocessing.Barrier/wait-across-processes")
    void waitAcrossProcesses(MultiprocessingModule mp, Harness h) {
        Barrier b = mp.barrier(3);
        try (Procs procs = new Procs(); Pipe first = Pipe.open(mp); Pipe second = Pipe.open(mp)) {
            try {
                PyProcess p1 = procs.start(mp, mp, Routine.BARRIER_WAIT, b, first.child());
                PyProcess p2 = procs.start(mp, mp, Routine.BARRIER_WAIT, b, second.child());
                h.poll("both children waiting at the barrier", () -> b.nWaiting() == 2);
                List<Long> indices = new ArrayList<>();
                indices.add(b.await(Timing.LONG));
                indices.add(((Number) first.next()).longValue());
                indices.add(((Number) second.next()).longValue());
                Collections.sort(indices);
                assertEquals(List.of(0L, 1L, 2L), indices);
                assertEquals(0L, Procs.joined(p1));
                assertEquals(0L, Procs.joined(p2));
            } finally {
                LockContract.quietly(b::abort); // frees children still waiting if the case failed
            }
        }
    }
}
