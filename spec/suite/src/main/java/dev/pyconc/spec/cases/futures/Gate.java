package dev.pyconc.spec.cases.futures;

import dev.pyconc.spi.PyCallable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.AssertionFailedError;

/**
 * Coordination for cases (JDK primitives, not the thing under test): a task that says it started, then
 * blocks until the case opens the gate. It also counts how many such tasks run at once and the most seen.
 * The case must {@link #open()} it in a finally block so no worker stays blocked.
 */
final class Gate {
    private final CountDownLatch open = new CountDownLatch(1);
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger maxInside = new AtomicInteger();
    private final double deadline;

    /** @param deadline seconds a task waits for the gate before it fails (a case never hangs) */
    Gate(double deadline) {
        this.deadline = deadline;
    }

    /** A task that enters, waits for the gate and returns {@code value}. */
    PyCallable task(Object value) {
        return (args, kwargs) -> {
            started.incrementAndGet();
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                if (!open.await((long) (deadline * 1000), TimeUnit.MILLISECONDS)) {
                    throw new AssertionFailedError("the gate was not opened in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
            return value;
        };
    }

    void open() {
        open.countDown();
    }
}
