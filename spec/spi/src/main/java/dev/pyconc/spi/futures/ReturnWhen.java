package dev.pyconc.spi.futures;

/**
 * The {@code return_when} constants of {@code concurrent.futures.wait}; in Python they are the strings of
 * their own names.
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.wait">concurrent.futures.wait</a>
 */
public enum ReturnWhen {
    /** Return as soon as any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /** Return when any future finishes by raising; if none raises, like {@link #ALL_COMPLETED}. */
    FIRST_EXCEPTION,
    /** Return when every future has finished or been cancelled (the default). */
    ALL_COMPLETED
}
