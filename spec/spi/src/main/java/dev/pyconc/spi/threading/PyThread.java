package dev.pyconc.spi.threading;

import dev.pyconc.spi.Blocking;
/**
 * {@code threading.Thread} (named PyThread because of {@code java.lang.Thread}).
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#thread-objects">Thread objects</a>
 */
public interface PyThread {
    /**
     * {@code start()}: starts {@code run()} in a new thread.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if called more than once on this object
     */
    @Blocking
    void start();

    /** {@code run()}: in the calling thread, calls the target with its args and kwargs (if any). */
    @Blocking
    void run();

    /**
     * {@code join()}: waits until the thread ends.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the thread joins itself or was not started
     */
    @Blocking
    void join();

    /**
     * {@code join(timeout)}: waits at most timeout seconds; check {@link #isAlive()} afterwards.
     *
     * @param timeout seconds; null (None) waits until the thread ends
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the thread joins itself or was not started
     */
    @Blocking
    void join(Double timeout);

    /** {@code name}. */
    String getName();

    /** {@code name = value}. */
    void setName(String name);

    /** {@code ident}: non-null once started; may be reused after the thread ends. */
    Long ident();

    /** {@code native_id}: the OS thread id once started, else null (needs {@link dev.pyconc.spi.Feature#NATIVE_THREAD_ID}). */
    Long nativeId();

    /** {@code is_alive()}: true from just before {@code run()} starts until just after it ends. */
    boolean isAlive();

    /** {@code daemon}. */
    boolean isDaemon();

    /**
     * {@code daemon = value}.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the thread was already started
     */
    void setDaemon(boolean daemon);

    /**
     * {@code getName()}: the deprecated getter of {@code name} (deprecated since Python 3.10). The Java name is
     * the Python name plus {@code Alias} (see {@link dev.pyconc.spi}).
     *
     * @throws UnsupportedOperationException if the adapter does not implement the alias (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Thread.getName">Thread.getName</a>
     */
    default String getNameAlias() {
        throw new UnsupportedOperationException("this adapter does not implement Thread.getName (the alias)");
    }

    /**
     * {@code setName(name)}: the deprecated setter of {@code name} (deprecated since Python 3.10).
     *
     * @throws UnsupportedOperationException if the adapter does not implement the alias (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Thread.setName">Thread.setName</a>
     */
    default void setNameAlias(String name) {
        throw new UnsupportedOperationException("this adapter does not implement Thread.setName (the alias)");
    }

    /**
     * {@code isDaemon()}: the deprecated getter of {@code daemon} (deprecated since Python 3.10).
     *
     * @throws UnsupportedOperationException if the adapter does not implement the alias (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Thread.isDaemon">Thread.isDaemon</a>
     */
    default boolean isDaemonAlias() {
        throw new UnsupportedOperationException("this adapter does not implement Thread.isDaemon (the alias)");
    }

    /**
     * {@code setDaemon(daemonic)}: the deprecated setter of {@code daemon} (deprecated since Python 3.10).
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the thread was already started, as the property
     * @throws UnsupportedOperationException if the adapter does not implement the alias (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Thread.setDaemon">Thread.setDaemon</a>
     */
    default void setDaemonAlias(boolean daemon) {
        throw new UnsupportedOperationException("this adapter does not implement Thread.setDaemon (the alias)");
    }
}
