package dev.pyconc.spi.asyncio;

/**
 * {@code asyncio.BoundedSemaphore}: a {@link Semaphore} whose {@code release()} raises ValueError when it would
 * take the counter above its initial value.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.BoundedSemaphore">asyncio.BoundedSemaphore</a>
 */
public interface BoundedSemaphore extends Semaphore {}
