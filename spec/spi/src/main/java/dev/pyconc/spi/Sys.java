package dev.pyconc.spi;

/**
 * The parts of Python's {@code sys} module that cases need in order to observe the other modules: for now,
 * what the implementation writes to {@code sys.stderr}. Reached through {@link Adapter#sys()}.
 *
 * @see <a href="https://docs.python.org/3/library/sys.html">sys</a>
 */
public interface Sys {
    /**
     * Runs {@code body} with {@code sys.stderr} replaced by an in-memory text stream, puts the previous
     * {@code sys.stderr} back, and returns the text written to the stream meanwhile, by any thread (for
     * example by the default {@code threading.excepthook} on a thread that {@code body} started and joined).
     * The replacement is process-wide, as assigning {@code sys.stderr} is in Python; output the
     * implementation writes to the process's file descriptor 2 directly, not through {@code sys.stderr},
     * is not captured.
     *
     * @param body runs on the calling thread; may call into the adapter
     * @return the captured text, {@code ""} if nothing was written
     * @throws RuntimeException whatever {@code body} throws, after {@code sys.stderr} is restored (the
     *     captured text is then lost)
     * @see <a href="https://docs.python.org/3/library/sys.html#sys.stderr">sys.stderr</a>
     */
    String captureStderr(Runnable body);
}
