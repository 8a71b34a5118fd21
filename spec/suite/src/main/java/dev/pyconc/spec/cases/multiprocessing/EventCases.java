package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.Event;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code multiprocessing.Event} across processes; within one process it is bound to the Event contract
 * ({@link MultiprocessingEventCases}).
 */
@PyCase
class EventCases {

    /** A set() in the parent ends a child's wait with True, and a child's set() ends the parent's wait with True. */
    @Test
    @Checks("multiprocessing.Event/set-wakes-other-process")
    void setWakesOtherProcess(MultiprocessingModule mp) {
        Event toChild = mp.event();
        Event toParent = mp.event();
        try (Procs procs = new Procs(); Pipe pipe = Pipe.open(mp)) {
            PyProcess waiter = procs.start(mp, mp, Routine.WAIT_EVENT, toChild, Timing.LONG, pipe.child());
            toChild.set();
            assertEquals(Boolean.TRUE, pipe.next(), "what the child's wait returned");
            assertEquals(0L, Procs.joined(waiter));

            PyProcess setter = procs.start(mp, mp, Routine.SET_EVENT, toParent);
            assertTrue(toParent.await(Timing.LONG), "the parent's wait should end by the child's set()");
            assertEquals(0L, Procs.joined(setter));
        }
    }
}
