package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.Event;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code multiprocessing.Event}: {@code threading.Event}'s flag, shared by processes. */
@PyCase
class EventCases {

    /** The flag starts False; set, clear and wait behave as threading.Event's, and a set wakes a waiting thread. */
    @Test
    @Checks("multiprocessing.Event/clone-of-threading-event")
    void behavesAsThreadingEvent(MultiprocessingModule mp, Harness h) {
        Event e = mp.event();
        assertFalse(e.isSet());
        long t0 = h.now();
        assertFalse(e.await(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        h.assertPrompt(h.time(() -> assertFalse(e.await(0.0))));

        AtomicBoolean entering = new AtomicBoolean();
        AtomicReference<Boolean> result = new AtomicReference<>();
        Thread t = h.start("waiter", () -> {
            entering.set(true);
            result.set(e.await(Timing.LONG));
        });
        try {
            h.poll("waiter about to wait", entering::get);
            h.awaitBlocked(t);
            assertEquals(null, result.get(), "wait returned before set()");
            e.set();
            h.join(t);
        } finally {
            e.set();
        }
        assertEquals(Boolean.TRUE, result.get());
        assertTrue(e.isSet());
        h.assertPrompt(h.time(() -> {
            assertTrue(e.await());
            assertTrue(e.await(null));
            assertTrue(e.await(Timing.LONG));
        }));
        e.clear();
        assertFalse(e.isSet());
        assertFalse(e.await(0.0));
    }

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
