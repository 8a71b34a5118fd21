package dev.pyconc.reference.thread;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.thread.UnraisableHook;
import dev.pyconc.spi.thread.UnraisableHookArgs;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The reference {@code _thread}: the low-level layer under the reference {@code threading}, sharing its
 * machinery as CPython's modules do. {@code allocate_lock()} and {@code LockType()} give the same primitive
 * lock as {@code threading.Lock()}; identifiers, {@code TIMEOUT_MAX} and the stack size are
 * {@code threading}'s; {@code start_new_thread} starts a bare Java thread with no {@code threading.Thread}
 * object, so {@code threading.current_thread()} inside it makes a dummy Thread, as for any foreign thread.
 *
 * @see <a href="https://docs.python.org/3/library/_thread.html">_thread</a>
 */
public final class RefThreadModule implements ThreadModule {
    private final ThreadingModule threading;
    private final LongSupplier stackSizeForNewThreads;
    private final LongConsumer interruptMain;
    private volatile UnraisableHook unraisableHook;

    /**
     * A module sharing its threads, locks and settings with {@code threading}.
     *
     * @param threading the reference {@code threading}
     * @param stackSizeForNewThreads the stack size in bytes that {@code stack_size} last set (0: the JVM's
     *     default), read without resetting it, for the threads {@code start_new_thread} creates
     * @param interruptMain {@code interrupt_main(signum)} of the adapter's main thread, which {@code threading}
     *     knows
     */
    public RefThreadModule(ThreadingModule threading, LongSupplier stackSizeForNewThreads, LongConsumer interruptMain) {
        this.threading = Objects.requireNonNull(threading, "threading");
        this.stackSizeForNewThreads = Objects.requireNonNull(stackSizeForNewThreads, "stackSizeForNewThreads");
        this.interruptMain = Objects.requireNonNull(interruptMain, "interruptMain");
    }

    /**
     * {@code start_new_thread(function, args, kwargs)}: runs {@code function(*args, **kwargs)} on a new daemon
     * Java thread (Python does not wait for such threads at exit either). SystemExit ends it silently; any
     * other exception is reported on stderr as CPython's default {@code sys.unraisablehook} does, and ends
     * only that thread.
     *
     * @param kwargs keyword arguments, or null for none
     * @return the new thread's identifier, the value {@link #getIdent()} gives inside it
     * @throws TypeError if {@code function} is null (Python: not callable) or {@code args} is not a
     *     {@link PyTuple} (a plain {@code List} is a Python list)
     */
    @Override
    public long startNewThread(PyCallable function, Object args, Map<String, Object> kwargs) {
        if (function == null) {
            throw new TypeError("first arg must be callable");
        }
        if (!(args instanceof PyTuple tuple)) {
            throw new TypeError("2nd arg must be a tuple");
        }
        List<Object> a = new ArrayList<>(tuple);
        Map<String, Object> kw = kwargs == null ? new LinkedHashMap<>() : new LinkedHashMap<>(kwargs);
        Thread t = new Thread(null, () -> run(function, a, kw), "_thread-" + System.identityHashCode(a),
                stackSizeForNewThreads.getAsLong());
        t.setDaemon(true);
        t.start();
        return t.getId(); // the identifier space of threading.get_ident() (the Java thread id)
    }

    private void run(PyCallable function, List<Object> args, Map<String, Object> kwargs) {
        try {
            function.call(args, kwargs);
        } catch (SystemExit e) {
            // silently ignored, as documented: the hook is not called
        } catch (Throwable e) {
            UnraisableHook hook = unraisableHook;
            String type = e instanceof BaseException b ? b.pythonName() : e.getClass().getName();
            UnraisableHookArgs u = new UnraisableHookArgs(type, e instanceof BaseException b ? b : null,
                    "Exception ignored in thread started by " + function, null);
            if (hook == null) {
                defaultUnraisableHook(u, e);
                return;
            }
            try {
                hook.call(u);
            } catch (Throwable h) {
                // CPython reports a failing hook through the default one and goes on.
                defaultUnraisableHook(new UnraisableHookArgs(
                        h instanceof BaseException b ? b.pythonName() : h.getClass().getName(),
                        h instanceof BaseException b ? b : null, "Exception ignored in sys.unraisablehook", hook), h);
            }
        }
    }

    /** {@code sys.__unraisablehook__}: prints the message and the exception's stack trace to stderr. */
    private static void defaultUnraisableHook(UnraisableHookArgs u, Throwable e) {
        System.err.println(u.errMsg() + ":");
        e.printStackTrace();
    }

    /**
     * Sets {@code sys.unraisablehook} for exceptions escaping the functions of {@link #startNewThread}; null
     * restores the default, which prints to stderr. {@code object} is None in what the hook gets, and
     * {@code err_msg} names the function, as in CPython 3.14. A hook that raises is reported by the default
     * one.
     */
    @Override
    public void setUnraisableHook(UnraisableHook hook) {
        unraisableHook = hook;
    }

    /** {@code allocate_lock()}: a new unlocked lock, the same primitive as {@code threading.Lock()}. */
    @Override
    public Lock allocateLock() {
        return threading.lock();
    }

    /** {@code LockType()}: callable since 3.13, which the reference (3.14) claims; as {@link #allocateLock()}. */
    @Override
    public Lock lockType() {
        return threading.lock();
    }

    /** {@code get_ident()}: as {@code threading.get_ident()}. */
    @Override
    public long getIdent() {
        return threading.getIdent();
    }

    /** {@code get_native_id()}: as {@code threading.get_native_id()}. */
    @Override
    public long getNativeId() {
        return threading.getNativeId();
    }

    /** {@code exit()}: raises SystemExit. */
    @Override
    public void exit() {
        throw new SystemExit(null);
    }

    /** {@code interrupt_main()}: {@code interrupt_main(signal.SIGINT)}. */
    @Override
    public void interruptMain() {
        interruptMain(2);
    }

    /**
     * {@code interrupt_main(signum)}: SIGINT (2) becomes pending for the main thread, which raises
     * KeyboardInterrupt in the blocking call of the adapter it is in or next makes; the reference has no other
     * Python signal handlers (every other signal is {@code SIG_DFL}), so any other signal does nothing.
     *
     * @throws ValueError if {@code signum} is not between 1 and 64 (CPython's message: signal number out of
     *     range)
     */
    @Override
    public void interruptMain(long signum) {
        interruptMain.accept(signum);
    }

    /** {@code TIMEOUT_MAX}: as {@code threading.TIMEOUT_MAX}, in seconds. */
    @Override
    public double timeoutMax() {
        return threading.timeoutMax();
    }

    /**
     * {@code stack_size()}: answers the current size and resets it to 0, as {@code stack_size(0)}.
     *
     * @return the size that was set, in bytes; 0 for the platform (JVM) default
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.stack_size">_thread.stack_size</a>
     */
    @Override
    public long stackSize() {
        return threading.stackSize();
    }

    /**
     * {@code stack_size(size)}: sets the stack size of threads started afterwards, shared with
     * {@code threading.stack_size}; the JVM takes it as a hint for each new Java thread.
     *
     * @param size bytes: 0 for the platform (JVM) default, else at least 32768
     * @return the previous size, in bytes (0: the default)
     * @throws ValueError if {@code size} is neither 0 nor at least 32768 bytes
     * @throws dev.pyconc.spi.exceptions.RuntimeError never here: a Java thread accepts any stack size hint,
     *     so the reference always supports changing it ({@code Feature.STACK_SIZE})
     * @see <a href="https://docs.python.org/3/library/_thread.html#_thread.stack_size">_thread.stack_size</a>
     */
    @Override
    public long stackSize(long size) {
        return threading.stackSize(size);
    }

    /**
     * {@code _thread.error}: the reference raises {@link dev.pyconc.spi.exceptions.RuntimeError} for the
     * module's errors (releasing an unlocked lock), so the class is RuntimeError and its MRO is RuntimeError's.
     */
    @Override
    public List<String> errorMro() {
        return new dev.pyconc.spi.exceptions.RuntimeError("_thread.error").pythonMro();
    }
}
