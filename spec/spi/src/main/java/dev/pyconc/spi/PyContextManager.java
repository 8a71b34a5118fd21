package dev.pyconc.spi;

import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.RuntimeError;

/**
 * An object usable in Python's {@code with} statement.
 *
 * <p>{@link #with(Runnable)} does what {@code with cm: body} does, including when the body raises: the
 * exception is handed to {@code __exit__}, which may suppress it. {@code try (var held = cm.enter()) { ... }}
 * is the shorthand for a block that leaves normally: {@link #enter()} is {@code __enter__} and
 * {@link Held#close()} is {@code __exit__(None, None, None)} (a Java {@code try} cannot tell {@code close()}
 * the exception it is leaving by, so use {@link #with(Runnable)} for a block that raises).
 *
 * @see <a href="https://docs.python.org/3/reference/compound_stmts.html#the-with-statement">The with statement</a>
 * @see <a href="https://docs.python.org/3/library/threading.html#using-locks-conditions-and-semaphores-in-the-with-statement">with and the threading primitives</a>
 */
public interface PyContextManager {
    /** Calls {@code __enter__}; for the lock-like objects of {@code threading} this acquires, blocking. */
    @Blocking
    Held enter();

    /**
     * Python's {@code with self: body}: calls {@code __enter__}, runs {@code body}, then {@code __exit__}.
     * When the body returns, {@code __exit__(None, None, None)}. When it throws a Python exception
     * {@code e}, {@code __exit__(type(e), e, e.__traceback__)}, and {@code e} is rethrown unless
     * {@code __exit__} returned a true value (it suppresses the exception). A Java throwable that is not a
     * Python exception is handed to {@code __exit__} as a Python {@code RuntimeError} carrying its text, and
     * the Java throwable itself is rethrown unless suppressed. An exception raised by {@code __exit__} itself
     * propagates instead.
     *
     * @param body the block; may throw any unchecked exception
     */
    @Blocking
    default void with(Runnable body) {
        Held held = enter();
        try {
            body.run();
        } catch (BaseException e) {
            if (!held.exit(e)) {
                throw e;
            }
            return;
        } catch (RuntimeException | Error e) {
            if (!held.exit(new RuntimeError("Java exception in the with block: " + e))) {
                throw e;
            }
            return;
        }
        held.close();
    }

    /** The active {@code with} block. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        /**
         * Calls {@code __exit__}: with {@code (type(exc), exc, exc.__traceback__)}, or with
         * {@code (None, None, None)} when {@code exc} is null. For lock-like objects this releases.
         *
         * @param exc the Python exception the block is leaving by, or null for a normal exit
         * @return whether {@code __exit__} returned a true value, which in Python suppresses {@code exc}
         */
        @Blocking
        boolean exit(BaseException exc);

        /** Calls {@code __exit__(None, None, None)}: the block left normally. */
        @Override
        @Blocking
        default void close() {
            exit(null);
        }

        /** An {@code __exit__} that runs {@code action} whatever the block left by, and never suppresses. */
        static Held of(Runnable action) {
            return exc -> {
                action.run();
                return false;
            };
        }
    }
}
