package dev.pyconc.reference.asyncio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.TimeoutError;
import org.opentest4j.AssertionFailedError;

/**
 * What the primitive and queue tests share: running a main coroutine on a fresh reference loop, stepping the loop
 * with {@code sleep(0)} as CPython's {@code test_locks.py} does, and bounded awaits so that a broken primitive
 * fails a test instead of hanging it. {@code asyncio.run} cancels the tasks a test leaves behind.
 */
final class PrimTesting {
    /** Ceiling for something expected to finish at once (seconds); a correct run never comes near it. */
    static final double BOUND = 10.0;

    private PrimTesting() {}

    /** {@code asyncio.run(main())} on the reference. */
    static <T> T run(CoroutineFunction<T> main) {
        return new RefAsyncioModule().run(main);
    }

    /** {@code await asyncio.sleep(0)} n times. */
    static void steps(Coroutine co, int n) {
        for (int i = 0; i < n; i++) {
            co.sleep(0);
        }
    }

    /** Awaits something expected to finish, failing (not hanging) if it does not within {@link #BOUND}. */
    static <T> T bounded(Coroutine co, Awaitable<T> awaitable) {
        try {
            return co.waitFor(awaitable, BOUND);
        } catch (TimeoutError e) {
            throw new AssertionFailedError("not done within " + BOUND + " s", e);
        }
    }

    /** Awaits a task expected to end by cancellation, and checks that it did. */
    static void assertCancelled(Coroutine co, Task<?> task) {
        assertThrows(AsyncioCancelledError.class, () -> bounded(co, task));
        assertTrue(task.cancelled(), "task should have ended cancelled");
    }
}
