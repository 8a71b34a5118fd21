package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.BoundedSemaphore;
import dev.pyconc.spi.exceptions.ValueError;

/**
 * {@code asyncio.BoundedSemaphore}, ported from CPython 3.14's {@code asyncio/locks.py}
 * ({@code class BoundedSemaphore}): a {@link RefSemaphore} whose {@code release()} refuses to go above the
 * initial value.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.BoundedSemaphore">asyncio.BoundedSemaphore</a>
 */
final class RefBoundedSemaphore extends RefSemaphore implements BoundedSemaphore {
    private final long boundValue; // CPython: _bound_value

    /**
     * {@code BoundedSemaphore(value)}.
     *
     * @throws ValueError {@code "Semaphore initial value must be >= 0"} if value is negative
     */
    RefBoundedSemaphore(long value) {
        super(value);
        this.boundValue = value;
    }

    /**
     * {@code BoundedSemaphore.release()}.
     *
     * @throws ValueError {@code "BoundedSemaphore released too many times"} if the counter is already at the
     *     initial value
     */
    @Override
    public void release() {
        if (value >= boundValue) {
            throw new ValueError("BoundedSemaphore released too many times");
        }
        super.release();
    }

    @Override
    String pythonClass() {
        return "asyncio.locks.BoundedSemaphore";
    }
}
