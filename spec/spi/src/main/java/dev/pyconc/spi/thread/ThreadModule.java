package dev.pyconc.spi.thread;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.threading.Lock;
import java.util.List;
import java.util.Map;

/**
 * The {@code _thread} module (Java name {@code thread}: Java names do not start with an underscore).
 * {@code _thread.error} is {@link dev.pyconc.spi.exceptions.RuntimeError} (3.3+).
 *
 * @see <a href="https://docs.python.org/3/library/_thread.html">_thread</a>
 */
public interface ThreadModule {
    /**
     * {@code start_new_thread(function, args, kwargs)}: starts a thread running
     * {@code function(*args, **kwargs)}; the thread ends silently when the function returns or raises
     * SystemExit; another exception goes to {@code sys.unraisablehook}.
     *
     * @param function the callable
     * @param args the positional arguments: a {@link dev.pyconc.spi.PyTuple} of plain values, as Python
     *     requires; any other value (a plain {@code List} is a Python list) raises TypeError
     * @param kwargs keyword arguments, plain values; null (Python: left out) or empty for none
     * @return the new thread's identifier ({@link #getIdent()} inside it)
     * @throws dev.pyconc.spi.exceptions.TypeError if {@code args} is not a tuple
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.start_new_thread">_thread.start_new_thread</a>
     */
    long startNewThread(PyCallable function, Object args, Map<String, Object> kwargs);

    /**
     * Sets {@code sys.unraisablehook}, where an exception escaping a {@link #startNewThread} function goes;
     * null restores the default, {@code sys.__unraisablehook__} (which prints the exception to stderr).
     * Adapters restore the default after each case.
     *
     * @param hook the hook, or null for the default
     * @see <a href="https://docs.python.org/3/library/sys.html#sys.unraisablehook">sys.unraisablehook</a>
     */
    void setUnraisableHook(UnraisableHook hook);

    /**
     * {@code allocate_lock()}: a new, unlocked lock.
     *
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.allocate_lock">_thread.allocate_lock</a>
     */
    Lock allocateLock();

    /**
     * {@code LockType()}: {@code _thread.LockType} called as a constructor, which Python allows since 3.13
     * (it is {@code threading.Lock}'s class).
     *
     * @throws dev.pyconc.spi.exceptions.TypeError before 3.13
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.LockType">_thread.LockType</a>
     */
    Lock lockType();

    /**
     * {@code get_ident()}: the nonzero identifier of the calling thread; may be reused once it ends.
     *
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.get_ident">_thread.get_ident</a>
     */
    long getIdent();

    /**
     * {@code get_native_id()}: the OS's id of the calling thread; needs
     * {@link dev.pyconc.spi.Feature#NATIVE_THREAD_ID}.
     *
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.get_native_id">_thread.get_native_id</a>
     */
    long getNativeId();

    /**
     * {@code exit()}: raises SystemExit, which ends the calling thread silently when not caught.
     *
     * @throws dev.pyconc.spi.exceptions.SystemExit always
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.exit">_thread.exit</a>
     */
    void exit();

    /**
     * {@code interrupt_main()}: simulates SIGINT arriving in the main thread, as {@link #interruptMain(long)}
     * with {@code signal.SIGINT}; with the default handler the main thread raises KeyboardInterrupt, when it
     * next runs Python code (not necessarily at once).
     *
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.interrupt_main">_thread.interrupt_main</a>
     */
    default void interruptMain() {
        throw new UnsupportedOperationException("interrupt_main() is not implemented by this adapter");
    }

    /**
     * {@code interrupt_main(signum)} (3.10+): schedules the Python-level handler of signal {@code signum} to run
     * in the main thread, without sending a real signal; does nothing when Python does not handle the signal
     * (its disposition is {@code SIG_DFL} or {@code SIG_IGN}).
     *
     * @param signum a signal number of the platform (POSIX: 2 is SIGINT, 15 is SIGTERM)
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.interrupt_main">_thread.interrupt_main</a>
     */
    default void interruptMain(long signum) {
        throw new UnsupportedOperationException("interrupt_main(signum) is not implemented by this adapter");
    }

    /**
     * {@code TIMEOUT_MAX}: the largest lock timeout, in seconds; above it acquire raises OverflowError.
     *
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.TIMEOUT_MAX">_thread.TIMEOUT_MAX</a>
     */
    double timeoutMax();

    /**
     * {@code stack_size()}: the stack size for new threads, 0 meaning the platform default; also resets the
     * size to the default, as {@code stack_size(0)} does.
     *
     * @return the size that was set, in bytes; 0 for the platform default
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.stack_size">_thread.stack_size</a>
     */
    long stackSize();

    /**
     * {@code stack_size(size)}: sets the stack size for new threads; needs
     * {@link dev.pyconc.spi.Feature#STACK_SIZE}.
     *
     * @param size bytes: 0 for the platform default, else at least 32768
     * @return the previous size, in bytes (0: the platform default)
     * @throws dev.pyconc.spi.exceptions.ValueError if the size is invalid
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the platform cannot change it
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.stack_size">_thread.stack_size</a>
     */
    long stackSize(long size);

    /**
     * The class {@code _thread.error} as Python sees it: {@code _thread.error.__mro__} as qualified names
     * ({@code module.qualname}, public spellings as in {@link dev.pyconc.spi.exceptions.BaseException#pythonMro()}),
     * most derived first, without {@code object}. Since 3.3 {@code _thread.error} is {@code RuntimeError}, so
     * this starts with {@code builtins.RuntimeError}.
     *
     * @return the class's MRO, e.g. {@code [builtins.RuntimeError, builtins.Exception, builtins.BaseException]}
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.error">_thread.error</a>
     */
    List<String> errorMro();
}
