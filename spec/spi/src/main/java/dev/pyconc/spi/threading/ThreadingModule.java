package dev.pyconc.spi.threading;

import dev.pyconc.spi.PyCallable;
import java.util.List;
import java.util.Map;

/**
 * The {@code threading} module: constructors of its classes and its module-level functions.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html">threading</a>
 */
public interface ThreadingModule {
    /** {@code threading.Lock()}: a new unlocked lock. */
    Lock lock();

    /** {@code threading.RLock()}: a new unlocked reentrant lock. */
    RLock rlock();

    /** {@code threading.Condition()}: a condition over a new RLock. */
    Condition condition();

    /**
     * {@code threading.Condition(lock)}.
     *
     * @param lock a Lock or RLock made by this adapter; null (None) makes a new RLock
     */
    Condition condition(LockLike lock);

    /** {@code threading.Semaphore()}: counter 1. */
    Semaphore semaphore();

    /**
     * {@code threading.Semaphore(value)}.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if value is negative
     */
    Semaphore semaphore(long value);

    /** {@code threading.BoundedSemaphore()}: counter and bound 1. */
    BoundedSemaphore boundedSemaphore();

    /**
     * {@code threading.BoundedSemaphore(value)}.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if value is negative
     */
    BoundedSemaphore boundedSemaphore(long value);

    /** {@code threading.Event()}: a new event, flag false. */
    Event event();

    /**
     * {@code threading.Timer(interval, function)}: not started.
     *
     * @param interval seconds before the call
     */
    Timer timer(double interval, PyCallable function);

    /**
     * {@code threading.Timer(interval, function, args, kwargs)}.
     *
     * @param args positional arguments, or null for None (no arguments)
     * @param kwargs keyword arguments, or null for None (no arguments)
     */
    Timer timer(double interval, PyCallable function, List<Object> args, Map<String, Object> kwargs);

    /**
     * {@code threading.Barrier(parties)}.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if parties is less than 1
     */
    Barrier barrier(long parties);

    /**
     * {@code threading.Barrier(parties, action, timeout)}.
     *
     * @param action called by one of the parties when all have arrived, before they are released; null for None
     * @param timeout default timeout of {@code wait()} in seconds; null (None) for none
     * @throws dev.pyconc.spi.exceptions.ValueError if parties is less than 1
     */
    Barrier barrier(long parties, PyCallable action, Double timeout);

    /** {@code threading.local()}: a new object with per-thread attributes. */
    Local local();

    /**
     * {@code threading.Thread(...)}: a new, not yet started thread.
     *
     * @throws dev.pyconc.spi.exceptions.PyAssertionError if options.group is not null (CPython asserts it)
     */
    PyThread thread(ThreadOptions options);

    /** {@code threading.active_count()}: how many Thread objects are alive (what enumerate() lists). */
    long activeCount();

    /**
     * {@code threading.current_thread()}: the caller's Thread object; for a thread not started through
     * {@code threading}, a dummy Thread object that is alive and daemon.
     */
    PyThread currentThread();

    /** {@code threading.main_thread()}: the thread the interpreter started in. */
    PyThread mainThread();

    /** {@code threading.enumerate()}: every alive Thread object, including dummy ones and the main thread. */
    List<PyThread> enumerate();

    /** {@code threading.get_ident()}: the calling thread's identifier, non-zero. */
    long getIdent();

    /** {@code threading.get_native_id()}: the calling thread's OS id (needs {@link dev.pyconc.spi.Feature#NATIVE_THREAD_ID}). */
    long getNativeId();

    /** {@code threading.TIMEOUT_MAX}: the largest timeout in seconds that blocking calls accept. */
    double timeoutMax();

    /**
     * {@code threading.stack_size()}: the same as {@code stack_size(0)}: returns the stack size in bytes used
     * for new threads (0 for the platform default) and sets it back to the default.
     */
    long stackSize();

    /**
     * {@code threading.stack_size(size)}: sets it for threads created afterwards.
     *
     * @param size bytes, 0 for the platform default, else at least 32768
     * @return the previous size
     * @throws dev.pyconc.spi.exceptions.ValueError if size is invalid
     */
    long stackSize(long size);

    /** The current value of {@code threading.excepthook}. */
    ExceptHook getExcepthook();

    /** {@code threading.excepthook = hook}. */
    void setExcepthook(ExceptHook hook);

    /**
     * {@code threading.__excepthook__} (3.10+): the original excepthook (restore it with {@link #setExcepthook});
     * before 3.10, which lacks the name, the hook {@code threading.excepthook} held when the interpreter started.
     */
    ExceptHook defaultExcepthook();

    /**
     * {@code threading.activeCount()}: the deprecated camelCase alias of {@code active_count()} (deprecated
     * since Python 3.10). The Java name is the Python name plus {@code Alias} (see {@link dev.pyconc.spi}).
     *
     * @throws UnsupportedOperationException if the adapter does not implement the alias (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.active_count">active_count</a>
     */
    default long activeCountAlias() {
        throw new UnsupportedOperationException("this adapter does not implement threading.activeCount (the alias)");
    }

    /**
     * {@code threading.currentThread()}: the deprecated camelCase alias of {@code current_thread()}
     * (deprecated since Python 3.10).
     *
     * @throws UnsupportedOperationException if the adapter does not implement the alias (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.current_thread">current_thread</a>
     */
    default PyThread currentThreadAlias() {
        throw new UnsupportedOperationException("this adapter does not implement threading.currentThread (the alias)");
    }

    /**
     * {@code threading.settrace(func)}: the trace function that each thread started by {@code threading}
     * afterwards passes to {@code sys.settrace} before its {@code run()} begins. Threads already running, and
     * threads not started by {@code threading}, are not affected.
     *
     * <p>The adapter calls {@code func} as Python calls a trace function, {@code func(frame, event, arg)}, on
     * the traced thread: its positional arguments are a frame (an opaque object of the adapter, to be passed
     * around, not inspected), the event name as a str ({@code "call"} when a new frame, such as
     * {@code run()}'s, is entered; {@code "line"}, {@code "return"}, {@code "exception"} for a local trace
     * function) and the event's argument (None for {@code "call"}). What {@code func} returns is the local
     * trace function for that frame; return null (None) to leave the frame untraced. The adapter may skip
     * events of its own machinery (frames of an agent that serves the SPI), never those of the threading
     * module's frames.
     *
     * @param func the trace function; null (None) removes it
     * @throws UnsupportedOperationException if the adapter does not implement it (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.settrace">threading.settrace</a>
     * @see <a href="https://docs.python.org/3/library/sys.html#sys.settrace">sys.settrace</a>
     */
    default void settrace(PyCallable func) {
        throw new UnsupportedOperationException("this adapter does not implement threading.settrace");
    }

    /**
     * {@code threading.gettrace()} (Python 3.10+): the function last given to {@link #settrace}, the very
     * Java object, or null (None) if none is set.
     *
     * @throws UnsupportedOperationException if the adapter does not implement it (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.gettrace">threading.gettrace</a>
     */
    default PyCallable gettrace() {
        throw new UnsupportedOperationException("this adapter does not implement threading.gettrace");
    }

    /**
     * {@code threading.setprofile(func)}: the profile function that each thread started by {@code threading}
     * afterwards passes to {@code sys.setprofile} before its {@code run()} begins.
     *
     * <p>Called like a trace function, {@code func(frame, event, arg)}, on the profiled thread, with the
     * profile events: {@code "call"} and {@code "return"} for Python frames, {@code "c_call"},
     * {@code "c_return"} and {@code "c_exception"} for functions implemented natively (the adapter decides
     * which of its functions count as native); the return value is ignored.
     *
     * @param func the profile function; null (None) removes it
     * @throws UnsupportedOperationException if the adapter does not implement it (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.setprofile">threading.setprofile</a>
     * @see <a href="https://docs.python.org/3/library/sys.html#sys.setprofile">sys.setprofile</a>
     */
    default void setprofile(PyCallable func) {
        throw new UnsupportedOperationException("this adapter does not implement threading.setprofile");
    }

    /**
     * {@code threading.getprofile()} (Python 3.10+): the function last given to {@link #setprofile}, the very
     * Java object, or null (None) if none is set.
     *
     * @throws UnsupportedOperationException if the adapter does not implement it (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.getprofile">threading.getprofile</a>
     */
    default PyCallable getprofile() {
        throw new UnsupportedOperationException("this adapter does not implement threading.getprofile");
    }

    /**
     * The OS-level name of the calling thread, as the platform reports it: on Linux the content of
     * {@code /proc/thread-self/comm} (at most 15 bytes) without its newline. Not a Python function (Python
     * has no getter for it); it lets a case see what {@code Thread.start()} and assigning {@code Thread.name}
     * give the OS (needs {@link dev.pyconc.spi.Feature#OS_THREAD_NAME}).
     *
     * @throws UnsupportedOperationException if the adapter does not implement it (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Thread.name">Thread.name</a>
     */
    default String osThreadName() {
        throw new UnsupportedOperationException("this adapter cannot read OS thread names");
    }
}
