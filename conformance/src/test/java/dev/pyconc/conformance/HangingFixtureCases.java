package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Event;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Not conformance cases: cases that never finish, for {@link TimeoutPathTest}. */
@PyCase
class HangingFixtureCases {
    /** Waits for a latch nobody counts down; ends when the harness interrupts it at the deadline. */
    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void hangs() throws InterruptedException {
        new CountDownLatch(1).await();
    }

    /**
     * The main task awaits, without a bound, a task that waits for an Event nobody sets: the loop never ends, and
     * the harness must cut the case off, show where each task waits, and leave no task behind.
     */
    @Test
    @Checks("asyncio.Event.wait/waits-until-set")
    void taskHangs(AsyncioModule asyncio) {
        asyncio.run(co -> {
            Event never = asyncio.event();
            return co.await(co.createTask(co.coroutine(waiter -> waiter.await(never.await())), "fixture-waiter"));
        });
    }
}
