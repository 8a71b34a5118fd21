package dev.pyconc.reference;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.PyThread;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code threading.Thread} on a Java platform thread, following CPython's {@code Thread} class: {@code start()}
 * waits until the new thread has set its ident and registered itself as active; an exception escaping
 * {@code run()} goes to the current {@code threading.excepthook}; {@code is_alive()} turns false only after the
 * thread has removed itself from the active threads.
 *
 * <p>With a {@code context} (3.14), {@code run()} is called inside {@code context.run(...)} as in CPython's
 * {@code _bootstrap_inner}, so a context already entered elsewhere makes the thread's RuntimeError go to the
 * excepthook. Without one the new Java thread has no context yet, which is the empty context that
 * {@code sys.flags.thread_inherit_context} False asks for.
 *
 * <p>The Java thread is always a Java daemon thread, whatever the Python {@code daemon} flag says: the flag is
 * kept and reported, but pyconc never waits for Python threads at JVM exit.
 */
class RefThread implements PyThread {
    /** Which kind of Thread object this is. */
    enum Kind {
        /** Created through {@code threading.Thread(...)} (or a Timer). */
        NORMAL,
        /** {@code threading._DummyThread}: stands for a Java thread not started through the SPI. */
        DUMMY,
        /** {@code threading._MainThread}: stands for the Java thread that created the adapter. */
        MAIN
    }

    final RefThreading module;
    final Kind kind;
    private PyCallable target;
    private List<Object> args;
    private Map<String, Object> kwargs;
    private volatile String name;
    private volatile boolean daemon;
    private volatile Long ident;
    private volatile Long nativeId;
    private volatile Thread javaThread;
    private volatile boolean started;
    private final AtomicBoolean startCalled = new AtomicBoolean();
    private final CountDownLatch startedLatch = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Context context;

    /** A new, not started thread object that starts in an empty context. */
    RefThread(RefThreading module, PyCallable target, String name, List<Object> args, Map<String, Object> kwargs,
            boolean daemon) {
        this(module, target, name, args, kwargs, daemon, null);
    }

    /**
     * A new, not started thread object.
     *
     * @param context the context {@code run()} is called in (3.14 {@code Thread(context=...)}); null for an empty
     *     one, as {@code sys.flags.thread_inherit_context} is False here (a new Java thread has no context yet)
     */
    RefThread(RefThreading module, PyCallable target, String name, List<Object> args, Map<String, Object> kwargs,
            boolean daemon, Context context) {
        this.module = module;
        this.context = context;
        this.kind = Kind.NORMAL;
        this.target = target;
        this.name = name;
        this.args = args;
        this.kwargs = kwargs;
        this.daemon = daemon;
    }

    /** A dummy or main thread object for the calling Java thread, already started. */
    RefThread(RefThreading module, Kind kind, String name, boolean daemon, Thread thread, Long nativeId) {
        this.module = module;
        this.kind = kind;
        this.context = null;
        this.name = name;
        this.daemon = daemon;
        this.javaThread = thread;
        this.ident = thread.getId();
        this.nativeId = nativeId;
        this.started = true;
        this.startCalled.set(true);
        this.startedLatch.countDown();
    }

    /** The Java thread this stands for; null before start. */
    Thread javaThread() {
        return javaThread;
    }

    @Override
    public void start() {
        if (!startCalled.compareAndSet(false, true)) {
            throw new RuntimeError("threads can only be started once");
        }
        module.addLimbo(this);
        Thread t;
        try {
            t = new Thread(null, this::bootstrap, name, module.stackSizeForNewThread());
            t.setDaemon(true);
            javaThread = t;
            t.start();
        } catch (RuntimeException | Error e) {
            module.removeLimbo(this);
            throw new RuntimeError("can't start new thread: " + e);
        }
        module.awaitUninterruptibly(startedLatch);
    }

    private void bootstrap() {
        try {
            Thread me = Thread.currentThread();
            ident = me.getId();
            nativeId = module.nativeIdOfCurrentThread();
            started = true;
            module.activate(this, me);
            startedLatch.countDown();
            // CPython's _bootstrap_inner installs the module's hooks in the new thread just before run():
            // the reference has no other frames, so run()'s frame is the one they see enter and leave.
            PyCallable trace = module.gettrace();
            PyCallable profile = module.getprofile();
            try {
                RefFrame frame = new RefFrame("run");
                if (profile != null) {
                    profile.call(Arrays.asList(frame, "call", null), Map.of());
                }
                Object local = trace != null ? trace.call(Arrays.asList(frame, "call", null), Map.of()) : null;
                if (context != null) {
                    context.run(PyCallable.of(this::run)); // CPython: self._context.run(self.run)
                } else {
                    run();
                }
                if (local instanceof PyCallable localTrace) {
                    localTrace.call(Arrays.asList(frame, "return", null), Map.of());
                }
                if (profile != null) {
                    profile.call(Arrays.asList(frame, "return", null), Map.of());
                }
            } catch (Throwable e) {
                module.invokeExcepthook(this, e);
            }
        } finally {
            module.deactivate(this, Thread.currentThread());
            done.countDown();
        }
    }

    @Override
    public void run() {
        PyCallable t;
        List<Object> a;
        Map<String, Object> k;
        synchronized (this) {
            t = target;
            a = args;
            k = kwargs;
        }
        try {
            if (t != null) {
                t.call(a, k);
            }
        } finally {
            synchronized (this) {
                target = null;
                args = null;
                kwargs = null;
            }
        }
    }

    @Override
    public void join() {
        join(null);
    }

    @Override
    public void join(Double timeout) {
        if (kind == Kind.DUMMY) {
            throw new RuntimeError("cannot join a dummy thread");
        }
        if (!started) {
            throw new RuntimeError("cannot join thread before it is started");
        }
        if (javaThread == Thread.currentThread()) {
            throw new RuntimeError("cannot join current thread");
        }
        long nanos = -1;
        if (timeout != null) {
            // CPython: a negative timeout acts as 0; NaN and huge values fail the time conversion
            nanos = Timeouts.toNanos(timeout < 0 ? 0 : timeout);
        }
        if (kind == Kind.MAIN) {
            module.joinJavaThread(javaThread, nanos);
        } else {
            module.awaitUninterruptibly(done, nanos);
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setName(String name) {
        this.name = name == null ? "None" : name; // Python stores str(name)
        Thread j = javaThread;
        if (kind == Kind.NORMAL && j != null) {
            // Also the OS thread's name when a thread renames itself (HotSpot passes a Java thread's own
            // rename on to the OS, and no other), as CPython 3.14 does; helps thread dumps.
            j.setName(this.name);
        }
    }

    @Override
    public Long ident() {
        return ident;
    }

    @Override
    public Long nativeId() {
        return nativeId;
    }

    @Override
    public boolean isAlive() {
        switch (kind) {
            case DUMMY:
                if (javaThread.isAlive()) {
                    return true;
                }
                throw new RuntimeError("thread is not alive");
            case MAIN:
                return javaThread.isAlive();
            default:
                return started && done.getCount() > 0;
        }
    }

    /** Alive for {@code enumerate()}: never raises. */
    boolean aliveForEnumerate() {
        return kind == Kind.NORMAL ? started && done.getCount() > 0 : javaThread.isAlive();
    }

    @Override
    public boolean isDaemon() {
        return daemon;
    }

    @Override
    public void setDaemon(boolean daemon) {
        if (started) {
            throw new RuntimeError("cannot set daemon status of active thread");
        }
        this.daemon = daemon;
    }

    @Override
    public String toString() {
        String status = "initial";
        if (started) {
            status = "started";
        }
        if (kind == Kind.NORMAL ? done.getCount() == 0 : javaThread != null && !javaThread.isAlive()) {
            status = "stopped";
        }
        if (daemon) {
            status += " daemon";
        }
        if (ident != null) {
            status += " " + ident;
        }
        String cls = kind == Kind.DUMMY ? "_DummyThread" : kind == Kind.MAIN ? "_MainThread" : getClass() == RefTimer.class ? "Timer" : "Thread";
        return "<" + cls + "(" + name + ", " + status + ")>";
    }

    // ----- the deprecated accessors: CPython's call the properties after a DeprecationWarning

    @Override
    public String getNameAlias() {
        return getName();
    }

    @Override
    public void setNameAlias(String name) {
        setName(name);
    }

    @Override
    public boolean isDaemonAlias() {
        return isDaemon();
    }

    @Override
    public void setDaemonAlias(boolean daemon) {
        setDaemon(daemon);
    }
}
