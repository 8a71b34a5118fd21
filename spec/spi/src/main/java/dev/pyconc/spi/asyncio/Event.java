package dev.pyconc.spi.asyncio;

/**
 * {@code asyncio.Event}: a flag tasks can wait for; initially false. Python's {@code wait} is {@code await} here
 * (see {@link dev.pyconc.spi}). Not thread-safe.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Event">asyncio.Event</a>
 */
public interface Event {
    /** {@code wait()}: a coroutine that returns True at once if the flag is set, else waits until it is set. */
    Awaitable<Boolean> await();

    /** {@code set()}: sets the flag and wakes every waiting task. */
    void set();

    /** {@code clear()}: resets the flag; later waits wait again. */
    void clear();

    /** {@code is_set()}: whether the flag is set. */
    boolean isSet();
}
