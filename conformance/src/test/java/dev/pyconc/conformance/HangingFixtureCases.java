package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Not a conformance case: a case that never finishes, for {@link TimeoutPathTest}. */
@PyCase
class HangingFixtureCases {
    /** Waits for a latch nobody counts down; ends when the harness interrupts it at the deadline. */
    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void hangs() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
