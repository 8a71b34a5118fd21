package dev.pyconc.spi;

/**
 * An object usable in Python's {@code with} statement.
 *
 * <p>{@code try (var held = lock.enter()) { ... }} does what {@code with lock: ...} does: {@link #enter()}
 * is {@code __enter__}, {@link Held#close()} is {@code __exit__(None, None, None)}.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#using-locks-conditions-and-semaphores-in-the-with-statement">with statement</a>
 */
public interface PyContextManager {
    /** Calls {@code __enter__}; for the lock-like objects of {@code threading} this acquires, blocking. */
    Held enter();

    /** The active {@code with} block; closing it calls {@code __exit__}. */
    interface Held extends AutoCloseable {
        /** Calls {@code __exit__(None, None, None)}; for lock-like objects this releases. */
        @Override
        void close();
    }
}
