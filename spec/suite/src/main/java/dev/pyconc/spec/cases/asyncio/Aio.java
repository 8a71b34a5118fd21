package dev.pyconc.spec.cases.asyncio;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.TimeoutError;
import org.opentest4j.AssertionFailedError;

/** What the asyncio cases share: stepping the loop, bounded awaits, task-state checks. */
public final class Aio {
    private Aio() {}

    /**
     * {@code await asyncio.sleep(0)} {@code n} times: every task ready now (and those they make ready) takes up to
     * {@code n} steps before this coroutine resumes.
     */
    public static void steps(Coroutine co, int n) {
        for (int i = 0; i < n; i++) {
            co.sleep(0);
        }
    }

    /**
     * Awaits something the case expects to finish, for at most {@link Timing#LONG} seconds (through
     * {@code asyncio.wait_for}): if it does not finish, the case fails with {@code what} instead of hanging.
     */
    public static <T> T bounded(Coroutine co, Awaitable<T> awaitable, String what) {
        try {
            return co.waitFor(awaitable, Timing.LONG);
        } catch (TimeoutError e) {
            throw new AssertionFailedError(what + ": not done within " + Timing.LONG + " s", e);
        }
    }

    /**
     * {@code asyncio.create_task(coro)} followed by three {@code sleep(0)}: the new task has run up to the first
     * await where it has to wait (or to its end), so tasks made one after another with this begin waiting in that
     * order. Three steps, not one, leave room for an adapter whose task needs a pass of the loop to start.
     */
    public static <T> Task<T> started(Coroutine co, Awaitable<T> coro) {
        Task<T> t = co.createTask(coro);
        steps(co, 3);
        return t;
    }

    /** As {@link #started(Coroutine, Awaitable)}, for a Java body. */
    public static <T> Task<T> started(Coroutine co, CoroutineFunction<T> body) {
        return started(co, co.coroutine(body));
    }

    /** Asserts that none of the tasks is done yet (each is still waiting). */
    public static void assertPending(Task<?>... tasks) {
        for (Task<?> t : tasks) {
            assertFalse(t.done(), () -> "task " + t.getName() + " should still be waiting");
        }
    }
}
