package dev.pyconc.reference;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.ExceptHookArgs;
import dev.pyconc.spi.threading.Local;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.spi.threading.Timer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference {@code threading} module: constructors, and the registry of active Thread objects that
 * {@code current_thread()}, {@code enumerate()} and {@code active_count()} read (CPython's {@code _active} and
 * {@code _limbo}), keyed by Java thread.
 */
final class RefThreading implements ThreadingModule {
    /** CPython's documented minimum for {@code stack_size(size)} (32 KiB). */
    static final long THREAD_STACK_MIN = 32768;

    private final RefContext ctx;
    private final boolean nativeIds;
    private final AtomicLong counter = new AtomicLong(); // CPython's _counter: Thread-N and Dummy-N share it
    private final Map<Thread, RefThread> active = new LinkedHashMap<>(); // guarded by itself
    private final List<RefThread> limbo = new ArrayList<>(); // guarded by active
    private final RefThread main;
    private final ThreadLocal<Long> nativeIdCache = new ThreadLocal<>();
    private final ExceptHook defaultHook = this::defaultExcepthook;
    private volatile ExceptHook excepthook = defaultHook;
    private volatile long stackSize;
    private volatile PrintStream stderr = System.err; // sys.stderr
    private volatile PyCallable traceHook; // threading._trace_hook
    private volatile PyCallable profileHook; // threading._profile_hook

    RefThreading(RefContext ctx) {
        this.ctx = ctx;
        this.nativeIds = readNativeId() != null;
        Thread creator = Thread.currentThread();
        this.main = new RefThread(this, RefThread.Kind.MAIN, "MainThread", false, creator, nativeIdOfCurrentThread());
        synchronized (active) {
            active.put(creator, main);
        }
    }

    /** {@code _thread.interrupt_main(signum)}: see {@link RefContext#interruptMain}. */
    void interruptMain(long signum) {
        ctx.interruptMain(signum, main.javaThread());
    }

    /** Drops a SIGINT the main thread has not handled yet (end of case). */
    void dropPendingSignal() {
        ctx.dropPendingSignal();
    }

    // ----- constructors

    @Override
    public Lock lock() {
        return new PrimitiveLock(ctx);
    }

    @Override
    public RLock rlock() {
        return new ReentrantLock(ctx);
    }

    @Override
    public Condition condition() {
        return condition(null);
    }

    @Override
    public Condition condition(LockLike lock) {
        return lock == null ? RefCondition.withOwnRLock(ctx) : new RefCondition(ctx, CondLock.of(lock));
    }

    @Override
    public Semaphore semaphore() {
        return semaphore(1);
    }

    @Override
    public Semaphore semaphore(long value) {
        return new RefSemaphore(ctx, value, false);
    }

    @Override
    public BoundedSemaphore boundedSemaphore() {
        return boundedSemaphore(1);
    }

    @Override
    public BoundedSemaphore boundedSemaphore(long value) {
        return new RefSemaphore(ctx, value, true);
    }

    @Override
    public Event event() {
        return new RefEvent(ctx);
    }

    @Override
    public Timer timer(double interval, PyCallable function) {
        return timer(interval, function, null, null);
    }

    @Override
    public Timer timer(double interval, PyCallable function, List<Object> args, Map<String, Object> kwargs) {
        String name = newName("Thread-");
        boolean daemon = currentThread().isDaemon();
        return new RefTimer(this, name, daemon, interval, function, args, kwargs, ctx);
    }

    @Override
    public Barrier barrier(long parties) {
        return barrier(parties, null, null);
    }

    @Override
    public Barrier barrier(long parties, PyCallable action, Double timeout) {
        return new RefBarrier(ctx, parties, action, timeout);
    }

    @Override
    public Local local() {
        return new RefLocal();
    }

    @Override
    public PyThread thread(ThreadOptions options) {
        if (options.group() != null) {
            throw new PyAssertionError("group argument must be None for now");
        }
        String name = options.name() != null && !options.name().isEmpty() ? options.name() : newName("Thread-");
        if ((options.name() == null || options.name().isEmpty()) && options.target() != null
                && options.target().name() != null) {
            name += " (" + options.target().name() + ")"; // 3.10+: the target's __name__, where it has one
        }
        boolean daemon = options.daemon() != null ? options.daemon() : currentThread().isDaemon();
        return new RefThread(this, options.target(), name, options.args(), options.kwargs(), daemon, options.context());
    }

    private String newName(String prefix) {
        return prefix + counter.incrementAndGet();
    }

    // ----- the registry

    @Override
    public long activeCount() {
        return enumerate().size();
    }

    @Override
    public PyThread currentThread() {
        Thread me = Thread.currentThread();
        synchronized (active) {
            RefThread t = active.get(me);
            if (t != null) {
                return t;
            }
        }
        // a thread not started through the SPI: a dummy Thread object, registered while its Java thread lives
        RefThread dummy = new RefThread(this, RefThread.Kind.DUMMY, newName("Dummy-"), true, me,
                nativeIdOfCurrentThread());
        synchronized (active) {
            purgeDeadDummies();
            active.put(me, dummy);
        }
        return dummy;
    }

    @Override
    public PyThread mainThread() {
        return main;
    }

    /** {@code activeCount()}: CPython's alias calls {@code active_count()} after a DeprecationWarning. */
    @Override
    public long activeCountAlias() {
        return activeCount();
    }

    /** {@code currentThread()}: CPython's alias calls {@code current_thread()} after a DeprecationWarning. */
    @Override
    public PyThread currentThreadAlias() {
        return currentThread();
    }

    @Override
    public List<PyThread> enumerate() {
        synchronized (active) {
            purgeDeadDummies();
            List<PyThread> out = new ArrayList<>(active.values());
            out.addAll(limbo);
            return out;
        }
    }

    private void purgeDeadDummies() {
        for (Iterator<RefThread> it = active.values().iterator(); it.hasNext(); ) {
            RefThread t = it.next();
            if (t.kind == RefThread.Kind.DUMMY && !t.javaThread().isAlive()) {
                it.remove();
            }
        }
    }

    void addLimbo(RefThread t) {
        synchronized (active) {
            limbo.add(t);
        }
    }

    void removeLimbo(RefThread t) {
        synchronized (active) {
            limbo.remove(t);
        }
    }

    /** Called by a new thread before its {@code started} event: moves it from limbo to active. */
    void activate(RefThread t, Thread javaThread) {
        synchronized (active) {
            active.put(javaThread, t);
            limbo.remove(t);
        }
    }

    /** Called by a thread when {@code run()} and the excepthook are done (CPython's {@code _delete}). */
    void deactivate(RefThread t, Thread javaThread) {
        synchronized (active) {
            active.remove(javaThread, t);
            limbo.remove(t);
        }
    }

    /** The Java threads of started Thread objects still running (for {@link ReferenceAdapter#close()}). */
    List<Thread> liveStartedThreads() {
        synchronized (active) {
            List<Thread> out = new ArrayList<>();
            for (RefThread t : active.values()) {
                if (t.kind == RefThread.Kind.NORMAL && t.javaThread() != null) {
                    out.add(t.javaThread());
                }
            }
            return out;
        }
    }

    // ----- identities

    @Override
    public long getIdent() {
        return Thread.currentThread().getId();
    }

    @Override
    public long getNativeId() {
        Long id = nativeIds ? nativeIdOfCurrentThread() : null;
        if (id == null) {
            throw new AttributeError("module 'threading' has no attribute 'get_native_id'");
        }
        return id;
    }

    /** For {@link ReferenceAdapter#isBlocked}: whether {@code t} is inside a blocking wait of this adapter. */
    boolean isWaiting(Thread t) {
        return ctx.isWaiting(t);
    }

    boolean nativeIdsSupported() {
        return nativeIds;
    }

    /** The OS thread id of the calling thread, or null where it cannot be read. */
    Long nativeIdOfCurrentThread() {
        Long id = nativeIdCache.get();
        if (id == null) {
            id = readNativeId();
            nativeIdCache.set(id);
        }
        return id;
    }

    /**
     * The calling thread's OS-level name. The reference's threads get it from their Java thread: HotSpot gives
     * the OS thread the Java thread's name when it starts (truncated to 15 bytes on Linux) and when a running
     * thread renames itself, which is what CPython 3.14 does for the Python name.
     */
    @Override
    public String osThreadName() {
        String name = readOsThreadName();
        if (name == null) {
            throw new dev.pyconc.spi.AdapterFailure("reference: the OS thread name cannot be read here");
        }
        return name;
    }

    /** {@code /proc/thread-self/comm} without its newline, or null where it cannot be read. */
    static String readOsThreadName() {
        try {
            String s = new String(Files.readAllBytes(Path.of("/proc/thread-self/comm")),
                    java.nio.charset.StandardCharsets.UTF_8); // lenient: the OS may cut a character
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** On Linux, {@code /proc/thread-self} links to {@code PID/task/TID} for the calling thread. */
    private static Long readNativeId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    // ----- limits

    @Override
    public double timeoutMax() {
        return Timeouts.TIMEOUT_MAX;
    }

    /** CPython's {@code stack_size()} takes its size as optional with default 0, so it also resets the size. */
    @Override
    public long stackSize() {
        return stackSize(0);
    }

    @Override
    public synchronized long stackSize(long size) {
        if (size != 0 && size < THREAD_STACK_MIN) {
            throw new ValueError("size must be at least " + THREAD_STACK_MIN + " bytes");
        }
        long old = stackSize;
        stackSize = size;
        return old;
    }

    long stackSizeForNewThread() {
        return stackSize;
    }

    // ----- sys.stderr, where the default excepthook writes

    /** {@code sys.stderr = out}; returns the previous stream. */
    PrintStream swapStderr(PrintStream out) {
        PrintStream old = stderr;
        stderr = out;
        return old;
    }

    // ----- trace and profile hooks (CPython's _trace_hook and _profile_hook, read by each new thread)

    @Override
    public void settrace(PyCallable func) {
        traceHook = func;
    }

    @Override
    public PyCallable gettrace() {
        return traceHook;
    }

    @Override
    public void setprofile(PyCallable func) {
        profileHook = func;
    }

    @Override
    public PyCallable getprofile() {
        return profileHook;
    }

    // ----- excepthook

    @Override
    public ExceptHook getExcepthook() {
        return excepthook;
    }

    @Override
    public void setExcepthook(ExceptHook hook) {
        excepthook = hook == null ? defaultHook : hook;
    }

    @Override
    public ExceptHook defaultExcepthook() {
        return defaultHook;
    }

    /** What CPython's {@code _invoke_excepthook} does for an exception that escaped {@code run()}. */
    void invokeExcepthook(RefThread thread, Throwable e) {
        BaseException exc = asPython(e);
        try {
            ExceptHook hook = excepthook;
            hook.call(new ExceptHookArgs(exc.pythonName(), exc, true, thread));
        } catch (Throwable hookFailure) {
            PrintStream err = stderr;
            synchronized (err) {
                err.println("Exception in threading.excepthook:");
                printTraceback(asPython(hookFailure), err);
                err.flush();
            }
        }
    }

    /** A Java throwable that is not a Python exception is passed on as an Exception named after its class. */
    static BaseException asPython(Throwable e) {
        if (e instanceof BaseException b) {
            return b;
        }
        return new PyException(e.getClass().getName(), String.valueOf(e.getMessage()), e);
    }

    /** {@code threading.__excepthook__}: ignores SystemExit, else prints the thread's name and a traceback. */
    private void defaultExcepthook(ExceptHookArgs args) {
        if (args.excValue() instanceof SystemExit) {
            return;
        }
        String name = args.thread() != null ? args.thread().getName() : Long.toString(getIdent());
        PrintStream err = stderr;
        synchronized (err) {
            err.println("Exception in thread " + name + ":");
            if (args.excValue() != null) {
                printTraceback(args.excValue(), err);
            } else {
                err.println(args.excType());
            }
            err.flush();
        }
    }

    /** Prints like Python's traceback: frames oldest first, then {@code Type: message}. */
    static void printTraceback(BaseException e, PrintStream out) {
        Throwable shown = e.getCause() != null && !(e.getCause() instanceof BaseException) ? e.getCause() : e;
        out.println("Traceback (most recent call last):");
        StackTraceElement[] frames = shown.getStackTrace();
        for (int i = frames.length - 1; i >= 0; i--) {
            StackTraceElement f = frames[i];
            out.println("  File \"" + f.getFileName() + "\", line " + f.getLineNumber() + ", in "
                    + f.getClassName() + "." + f.getMethodName());
        }
        String name = e.pythonName();
        String type = name.startsWith("builtins.") ? name.substring("builtins.".length()) : name;
        String msg = e.getMessage();
        out.println(msg == null || msg.isEmpty() ? type : type + ": " + msg);
    }

    // ----- waiting helpers for thread objects

    /** Waits for the latch; a Java interrupt does not end the wait (see {@link RefContext#onInterrupt()}). */
    void awaitUninterruptibly(CountDownLatch latch) {
        awaitUninterruptibly(latch, -1);
    }

    /** Waits for the latch at most {@code nanos} (negative: no limit), ignoring interrupts like Python. */
    void awaitUninterruptibly(CountDownLatch latch, long nanos) {
        Waits.await(ctx, latch::await, n -> latch.await(n, TimeUnit.NANOSECONDS), nanos);
    }

    /**
     * {@code main_thread().join(timeout)} from another thread: waits for the creating Java thread to end, at most
     * {@code nanos} (negative: no limit), ignoring interrupts like Python.
     */
    void joinJavaThread(Thread t, long nanos) {
        Waits.await(ctx, t::join, n -> {
            if (n > 0) { // join(0, 0) would wait for ever; a positive remainder rounds up to a whole millisecond
                t.join(n / 1_000_000, (int) (n % 1_000_000));
            }
            return !t.isAlive();
        }, nanos);
    }
}
