package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.KeyboardInterrupt;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.SystemExit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An asyncio event loop (one per {@link #run asyncio.run}), ported from {@code asyncio/base_events.py}: a FIFO
 * ready queue of callbacks and a heap of timers, run by the thread that called {@link #run}; each task's body runs
 * on a Java thread of its own that takes the loop's turn at each step and gives it back at each suspension (see
 * the package notes for the hand-over and why it orders memory).
 *
 * <p>Loop state (the ready queue, the timers, futures, tasks and the primitives built on them) is touched only by
 * the holder of the turn: the loop thread between steps, or the body of the one task being stepped. The methods
 * here are therefore not thread-safe, as in Python; {@link #callSoonThreadsafe} is the one entry for other threads.
 */
public final class RefEventLoop {
    /** A callback scheduled with {@link #callLater}; {@link #cancel()} removes it if it has not run. */
    public interface TimerHandle {
        void cancel();
    }

    /** The loop a thread runs in: set on the loop thread during {@link #run} and on every body thread. */
    private static final ThreadLocal<RefEventLoop> RUNNING = new ThreadLocal<>();
    /** How long closing waits for the body threads to end, in total (they only run finally blocks by then). */
    static final long JOIN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final AtomicLong LOOP_IDS = new AtomicLong();

    /** Thrown into a suspended body when the loop closes over it, as Python's coroutine close() throws GeneratorExit. */
    static final class TaskExit extends Error {
        private static final long serialVersionUID = 1L;

        TaskExit() {
            super("the event loop closed while this task was suspended", null, false, false);
        }
    }

    /** Thrown on the loop thread when the loop was stopped from outside (endCase, an interrupt). */
    static final class LoopAborted extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        LoopAborted(String why) {
            super("asyncio event loop stopped: " + why);
        }
    }

    /** {@code events.Handle} / {@code TimerHandle}. */
    static final class Handle implements TimerHandle, Comparable<Handle> {
        final Runnable callback;
        final double when;
        final long seq;
        boolean cancelled;

        Handle(Runnable callback, double when, long seq) {
            this.callback = callback;
            this.when = when;
            this.seq = seq;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Handle o) {
            int c = Double.compare(when, o.when);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    final long id = LOOP_IDS.incrementAndGet();
    private final long t0 = System.nanoTime();
    private final ArrayDeque<Handle> ready = new ArrayDeque<>();
    private final PriorityQueue<Handle> scheduled = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Runnable> threadsafe = new ConcurrentLinkedQueue<>();
    private long seq;
    private boolean stopping;
    private volatile boolean closed;
    private boolean running;
    /** {@code tasks._all_tasks} for this loop, in creation order. */
    private final Set<RefTask<?>> tasks = new LinkedHashSet<>();
    /** {@code tasks._current_tasks[loop]}. */
    private RefTask<?> currentTask;
    /** The RuntimeErrors that stand for Java throwables of task bodies (their cause), by identity. */
    private final Set<BaseException> javaWrappers = Collections.newSetFromMap(new IdentityHashMap<>());

    // ---- the hand-over ----
    final ReentrantLock lock = new ReentrantLock();
    private final Condition loopCond = lock.newCondition();
    /** Whose turn it is: null for the loop thread, else the task whose body runs. Guarded by lock. */
    private RefTask<?> turn;
    /** Set by {@link #abort}; guarded by lock. */
    private boolean aborted;
    private String abortReason;
    private volatile Thread loopThread;
    /** Tasks whose body thread has started and not yet ended (for abort, dumps and the final join). */
    final Set<RefTask<?>> liveBodies = ConcurrentHashMap.newKeySet();
    /** Every body thread started and perhaps not yet terminated (pruned as they end), joined at close. */
    private final List<Thread> bodyThreads = new ArrayList<>();
    /** Body threads whose body has ended, waiting for another; guarded by lock. */
    private final ArrayDeque<Worker> idleWorkers = new ArrayDeque<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);

    private RefEventLoop() {}

    // =====================================================================================================
    // runners.py: asyncio.run
    // =====================================================================================================

    /**
     * {@code asyncio.run(main())}: a new loop on the calling thread runs {@code main} as its main task, then cancels
     * what is left, closes, and returns main's result or throws its exception.
     *
     * @throws RuntimeError if the calling thread already runs a loop (or is a task body)
     * @see <a href="https://docs.python.org/3/library/asyncio-runner.html#asyncio.run">asyncio.run</a>
     */
    public static <T> T run(CoroutineFunction<T> main) {
        return run(main, null);
    }

    /**
     * As {@link #run(CoroutineFunction)}; while it runs the loop is in {@code live} (so that an adapter can stop a
     * loop a timed-out case left behind).
     */
    static <T> T run(CoroutineFunction<T> main, Set<RefEventLoop> live) {
        if (RUNNING.get() != null) {
            throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
        }
        RefEventLoop loop = new RefEventLoop();
        loop.loopThread = Thread.currentThread();
        RUNNING.set(loop);
        if (live != null) {
            live.add(loop);
        }
        boolean normal = false;
        try {
            RefTask<T> task = loop.createTask(new RefCoro<>("main", main), null);
            loop.runUntilComplete(task);
            T r = loop.unwrapResult(task);
            normal = true;
            return r;
        } finally {
            try {
                loop.shutdown(normal);
            } finally {
                RUNNING.remove();
                if (live != null) {
                    live.remove(loop);
                }
            }
        }
    }

    /** main's result; a RuntimeError that stands for a Java throwable is replaced by that throwable. */
    private <T> T unwrapResult(RefTask<T> task) {
        try {
            return task.result();
        } catch (BaseException e) {
            if (javaWrappers.contains(e)) {
                throw sneaky(e.getCause());
            }
            throw e;
        }
    }

    /**
     * {@code Runner.close()}: after a normal end, cancels the tasks left ({@code _cancel_all_tasks}) and runs the
     * loop until they are done; then closes, ending and joining every body thread (a body still suspended gets
     * {@link TaskExit} at its await, as a coroutine closed by Python gets GeneratorExit). A Java throwable that
     * ended a task and was never retrieved fails the run (a JUnit assertion in an unawaited task must not pass
     * silently); CPython would log "exception was never retrieved".
     */
    private void shutdown(boolean normal) {
        Throwable pending = null;
        try {
            if (!isAborted()) {
                cancelAllTasks();
            }
        } catch (Throwable t) {
            pending = t;
        }
        close();
        if (pending != null) {
            throw sneaky(pending);
        }
        if (isAborted()) {
            throw new LoopAborted(abortReason);
        }
        if (normal) {
            for (RefTask<?> t : tasks) {
                BaseException e = t.peekException();
                if (e != null && t.logTraceback && javaWrappers.contains(e)) {
                    throw sneaky(e.getCause());
                }
            }
        }
    }

    /** {@code runners._cancel_all_tasks}. */
    private void cancelAllTasks() {
        List<RefTask<?>> toCancel = new ArrayList<>();
        for (RefTask<?> t : tasks) {
            if (!t.done()) {
                toCancel.add(t);
            }
        }
        if (toCancel.isEmpty()) {
            return;
        }
        for (RefTask<?> t : toCancel) {
            t.cancel();
        }
        runUntilComplete(RefTask.gather(this, toCancel, true));
        for (RefTask<?> t : toCancel) {
            if (!t.cancelled() && t.peekException() != null && !javaWrappers.contains(t.peekException())) {
                System.err.println("unhandled exception during asyncio.run() shutdown: task " + t + ": "
                        + t.peekException());
            }
        }
    }

    /** {@code loop.run_until_complete(future)}. */
    <T> T runUntilComplete(RefFuture<T> future) {
        future.addDoneCallback(f -> stop());
        runForever();
        if (!future.done()) {
            throw new RuntimeError("Event loop stopped before Future completed.");
        }
        return null;
    }

    // =====================================================================================================
    // base_events.py: the loop
    // =====================================================================================================

    /**
     * {@code asyncio.get_running_loop()}: the loop whose task is running on the calling thread.
     *
     * @throws RuntimeError "no running event loop" when called outside a task body and the loop
     * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.get_running_loop">asyncio.get_running_loop</a>
     */
    public static RefEventLoop running() {
        RefEventLoop l = RUNNING.get();
        if (l == null) {
            throw new RuntimeError("no running event loop");
        }
        return l;
    }

    /** The running loop, or null outside any task body (mixins' binding asks without raising). */
    public static RefEventLoop runningOrNull() {
        return RUNNING.get();
    }

    /**
     * {@code loop.create_future()}: a pending future of this loop.
     *
     * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.create_future">loop.create_future</a>
     */
    public <T> RefFuture<T> createFuture() {
        return new RefFuture<>(this);
    }

    /** {@code loop.create_task(coro, name=name)}; the task's first step is scheduled with call_soon. */
    <T> RefTask<T> createTask(RefCoro<T> coro, String name) {
        checkClosed();
        return new RefTask<>(this, coro, name);
    }

    void registerTask(RefTask<?> t) {
        tasks.add(t);
    }

    /**
     * A task finished: it leaves the loop's set (CPython's is a WeakSet), unless it ended with a Java throwable,
     * which {@link #shutdown} looks at.
     */
    void taskDone(RefTask<?> t) {
        if (!javaWrappers.contains(t.peekException())) {
            tasks.remove(t);
        }
    }

    /**
     * {@code loop.call_soon(callback)}: runs it on the loop's thread at the next iteration, in FIFO order. Only
     * from the loop's thread or the running task's body.
     *
     * @throws RuntimeError "Event loop is closed" after the loop closed
     * @throws IllegalStateException from any other thread (a Java misuse; Python's debug mode checks the same)
     * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_soon">loop.call_soon</a>
     */
    public void callSoon(Runnable callback) {
        callSoonHandle(callback);
    }

    Handle callSoonHandle(Runnable callback) {
        checkClosed();
        checkThread();
        Handle h = new Handle(callback, 0, seq++);
        ready.add(h);
        return h;
    }

    /**
     * {@code loop.call_soon_threadsafe(callback)}: from any thread; wakes the loop if it is idle.
     *
     * @throws RuntimeError "Event loop is closed" after the loop closed
     * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_soon_threadsafe">loop.call_soon_threadsafe</a>
     */
    public void callSoonThreadsafe(Runnable callback) {
        checkClosed();
        threadsafe.add(callback);
        lock.lock();
        try {
            loopCond.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code loop.call_later(delay, callback)}: runs it once {@code delay} seconds have passed on {@link #time()}.
     *
     * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_later">loop.call_later</a>
     */
    public TimerHandle callLater(double delay, Runnable callback) {
        return callAt(time() + delay, callback);
    }

    /**
     * {@code loop.call_at(when, callback)}: runs it once {@link #time()} reaches {@code when} (seconds).
     *
     * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_at">loop.call_at</a>
     */
    public TimerHandle callAt(double when, Runnable callback) {
        checkClosed();
        checkThread();
        Handle h = new Handle(callback, when, seq++);
        scheduled.add(h);
        return h;
    }

    /**
     * {@code loop.time()}: the loop's monotonic clock in seconds (from an arbitrary origin).
     *
     * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.time">loop.time</a>
     */
    public double time() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {@code loop.stop()}: the loop ends after the callbacks of the current iteration. */
    void stop() {
        stopping = true;
    }

    /** {@code loop.is_closed()}. */
    public boolean isClosed() {
        return closed;
    }

    private void checkClosed() {
        if (closed) {
            throw new RuntimeError("Event loop is closed");
        }
    }

    /** Java misuse check (Python's debug mode makes the same one): only the turn holder may touch the loop. */
    private void checkThread() {
        Thread c = Thread.currentThread();
        if (c == loopThread) {
            return;
        }
        RefTask<?> t = currentTask;
        if (t == null || t.thread != c) {
            throw new IllegalStateException("asyncio loop used from a thread that does not hold its turn: " + c.getName());
        }
    }

    /** {@code loop.run_forever()}. */
    private void runForever() {
        checkClosed();
        if (running) {
            throw new RuntimeError("This event loop is already running");
        }
        running = true;
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            running = false;
        }
    }

    /** {@code BaseEventLoop._run_once}: one iteration: wait for the first timer, then run what is ready now. */
    private void runOnce() {
        drainThreadsafe();
        while (!scheduled.isEmpty() && scheduled.peek().cancelled) {
            scheduled.poll();
        }
        if (ready.isEmpty() && !stopping) {
            double deadline = scheduled.isEmpty() ? Double.NaN : scheduled.peek().when;
            idleWait(deadline);
            drainThreadsafe();
        }
        double endTime = time() + 1e-9;
        while (!scheduled.isEmpty() && scheduled.peek().when < endTime) {
            Handle h = scheduled.poll();
            if (!h.cancelled) {
                ready.add(h);
            }
        }
        int ntodo = ready.size();
        for (int i = 0; i < ntodo; i++) {
            Handle h = ready.poll();
            if (h.cancelled) {
                continue;
            }
            runHandle(h);
        }
    }

    private void drainThreadsafe() {
        Runnable r;
        while ((r = threadsafe.poll()) != null) {
            ready.add(new Handle(r, 0, seq++));
        }
    }

    /** The selector's wait: until the deadline (NaN: none), a threadsafe callback, or an abort. */
    private void idleWait(double deadline) {
        lock.lock();
        try {
            while (threadsafe.isEmpty()) {
                checkAborted();
                if (Double.isNaN(deadline)) {
                    loopCond.await();
                } else {
                    double left = deadline - time();
                    if (left <= 0) {
                        return;
                    }
                    loopCond.awaitNanos((long) Math.ceil(left * 1e9));
                }
            }
        } catch (InterruptedException e) {
            abortFromLoopThread("the loop thread was interrupted");
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code Handle._run}: a Python exception from a plain callback is reported and the loop goes on, as
     * CPython's default exception handler does; KeyboardInterrupt, SystemExit and Java throwables leave the loop.
     */
    private void runHandle(Handle h) {
        try {
            h.callback.run();
        } catch (KeyboardInterrupt | SystemExit e) {
            throw e;
        } catch (BaseException e) {
            System.err.println("asyncio: Exception in callback " + h.callback + ": " + e);
        }
    }

    void enterTask(RefTask<?> t) {
        if (currentTask != null) {
            throw new RuntimeError("Cannot enter into task " + t + " while another task " + currentTask
                    + " is being executed.");
        }
        currentTask = t;
    }

    void leaveTask(RefTask<?> t) {
        if (currentTask != t) {
            throw new RuntimeError("Leaving task " + t + " does not match the current task " + currentTask + ".");
        }
        currentTask = null;
    }

    /** {@code asyncio.current_task()}: the task being stepped, or null. */
    RefTask<?> currentTask() {
        return currentTask;
    }

    /** {@code asyncio.all_tasks()}: the tasks not done. */
    List<RefTask<?>> allTasks() {
        List<RefTask<?>> out = new ArrayList<>();
        for (RefTask<?> t : tasks) {
            if (!t.done()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The Python exception a task ends with when its body threw a Java throwable: RuntimeError caused by it. */
    RuntimeError wrapJava(RefTask<?> task, Throwable t) {
        RuntimeError e = new RuntimeError(null, "Java exception in task " + task.getName() + ": " + t, t);
        javaWrappers.add(e);
        return e;
    }

    // =====================================================================================================
    // The hand-over between the loop thread and the task bodies
    // =====================================================================================================

    /**
     * On the loop thread, inside {@code Task.__step}: gives the turn to the task's body (starting its thread at the
     * first step) with {@code exc} to throw in (null: resume normally), and waits until the body gives it back.
     */
    RefTask.Outcome resume(RefTask<?> task, BaseException exc) {
        lock.lock();
        try {
            checkAborted();
            task.sendExc = exc;
            task.outcome = null;
            turn = task;
            if (task.thread == null) {
                startBody(task);
            } else {
                task.turnCond.signal();
            }
            while (turn != null) {
                checkAborted();
                loopCond.await();
            }
            RefTask.Outcome o = task.outcome;
            task.outcome = null;
            return o;
        } catch (InterruptedException e) {
            abortFromLoopThread("the loop thread was interrupted");
            throw new AssertionError("unreachable");
        } finally {
            lock.unlock();
        }
    }

    /** Called with lock held. */
    /**
     * Called with lock held: runs the task's body on an idle body thread of this loop if there is one (a thread
     * whose last body has ended), else on a new one. Reusing threads makes {@code create_task} cheap; it is also
     * closer to CPython, where every task runs on the loop's one thread.
     */
    private void startBody(RefTask<?> task) {
        Worker w = idleWorkers.poll();
        String name = "asyncio " + task.getName() + " (loop " + id + ")";
        if (w == null) {
            w = new Worker();
            Thread th = new Thread(w, name);
            th.setDaemon(true);
            w.thread = th;
            if (bodyThreads.size() >= 64) {
                bodyThreads.removeIf(t -> !t.isAlive());
            }
            bodyThreads.add(th);
            w.next = task;
            task.thread = th;
            liveBodies.add(task);
            th.start();
        } else {
            w.thread.setName(name);
            w.next = task;
            task.thread = w.thread;
            liveBodies.add(task);
            w.cond.signal();
        }
    }

    /** A body thread: runs one task's body after another, parked in between, until the loop closes. */
    private final class Worker implements Runnable {
        Thread thread;
        /** The task whose body to run next; guarded by lock. */
        RefTask<?> next;
        /** Set when the loop closes: the thread ends instead of waiting for another body. Guarded by lock. */
        boolean stop;
        final Condition cond = lock.newCondition();

        @Override
        public void run() {
            RUNNING.set(RefEventLoop.this);
            try {
                RefTask<?> t;
                lock.lock();
                try {
                    t = next;
                    next = null;
                } finally {
                    lock.unlock();
                }
                while (t != null) {
                    t = finishAndPark(t, runBody(t));
                }
            } finally {
                RUNNING.remove();
            }
        }

        /**
         * Gives the turn back with the body's end, then (unless the loop is closing) waits for another body.
         *
         * @return the next task to run, or null to end the thread
         */
        private RefTask<?> finishAndPark(RefTask<?> task, RefTask.Outcome o) {
            lock.lock();
            try {
                if (task.exit || aborted) {
                    o = new RefTask.Exited();
                }
                task.outcome = o;
                if (turn == task) {
                    turn = null;
                }
                liveBodies.remove(task);
                loopCond.signalAll();
                if (closed || aborted || stop) {
                    return null;
                }
                Thread.interrupted(); // a body's own interrupt does not reach the next body
                idleWorkers.push(this);
                while (next == null && !stop && !aborted) {
                    cond.awaitUninterruptibly();
                }
                RefTask<?> t = next;
                next = null;
                return t;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Runs a task's body to its end on the calling (body) thread. */
    private <T> RefTask.Outcome runBody(RefTask<T> task) {
        RefCoroutine co = new RefCoroutine(task);
        try {
            return new RefTask.Returned(task.coro.body.call(co));
        } catch (TaskExit e) {
            return new RefTask.Exited();
        } catch (BaseException e) {
            return new RefTask.Raised(e);
        } catch (Throwable t) {
            return new RefTask.Threw(t);
        } finally {
            co.active = false;
        }
    }

    /** Called with lock held: ends the idle body threads (they are joined with the others). */
    private void stopIdleWorkers() {
        Worker w;
        while ((w = idleWorkers.poll()) != null) {
            w.stop = true;
            w.cond.signal();
        }
    }

    /**
     * On a body thread: gives the turn back to the loop with what the body yields ({@link RefTask.Yielded} or
     * {@link RefTask.Bare}) and waits to be resumed.
     *
     * @return the exception the loop throws in, or null
     * @throws TaskExit if the loop closes meanwhile
     */
    BaseException suspend(RefTask<?> task, RefTask.Outcome yielded) {
        lock.lock();
        try {
            if (task.exit || aborted) {
                throw new TaskExit();
            }
            task.outcome = yielded;
            turn = null;
            loopCond.signalAll();
            while (turn != task && !task.exit && !aborted) {
                task.turnCond.awaitUninterruptibly();
            }
            if (task.exit || aborted) {
                throw new TaskExit();
            }
            BaseException e = task.sendExc;
            task.sendExc = null;
            return e;
        } finally {
            lock.unlock();
        }
    }

    private boolean isAborted() {
        lock.lock();
        try {
            return aborted;
        } finally {
            lock.unlock();
        }
    }

    /** With lock held, on the loop thread. */
    private void checkAborted() {
        if (aborted) {
            throw new LoopAborted(abortReason);
        }
    }

    private void abortFromLoopThread(String why) {
        abort(why);
        Thread.currentThread().interrupt();
        throw new LoopAborted(why);
    }

    /**
     * Stops the loop from any thread (a case that timed out, an interrupted loop thread): the loop thread leaves
     * {@link #run} with an IllegalStateException, suspended bodies get {@link TaskExit}, and the body that holds
     * the turn (if any) is interrupted. The bodies may then run their finally blocks at the same time: this is for
     * cleaning up after a hang, not a Python behaviour.
     */
    void abort(String why) {
        RefTask<?> holder;
        lock.lock();
        try {
            if (aborted) {
                return;
            }
            aborted = true;
            abortReason = why;
            closed = true; // call_soon from a body unwinding now raises RuntimeError, as on a closed loop
            for (RefTask<?> t : liveBodies) {
                t.turnCond.signalAll();
            }
            stopIdleWorkers();
            loopCond.signalAll();
            holder = turn;
        } finally {
            lock.unlock();
        }
        if (holder != null) {
            Thread th = holder.thread;
            if (th != null && th != Thread.currentThread()) {
                th.interrupt();
            }
        }
    }

    /**
     * {@code loop.close()}, and the end of every body thread: each body still suspended is resumed, one at a
     * time, with {@link TaskExit} (its finally blocks run with the turn, as in Python); then all body threads are
     * joined, within {@link #JOIN_NANOS} in all. A thread still alive after that is interrupted and named in a
     * line on stderr (and stays visible to {@link #dumpTasks}).
     */
    private void close() {
        closed = true;
        long deadline = System.nanoTime() + JOIN_NANOS;
        if (!isAborted()) {
            for (RefTask<?> t : new ArrayList<>(liveBodies)) {
                exitBody(t, deadline);
            }
        }
        for (RefTask<?> t : new ArrayList<>(liveBodies)) {
            join(t.thread, t.toString(), deadline);
        }
        List<Thread> started;
        lock.lock();
        try {
            stopIdleWorkers();
            started = new ArrayList<>(bodyThreads);
        } finally {
            lock.unlock();
        }
        for (Thread th : started) {
            join(th, th.getName(), deadline); // the idle ones and those whose body just ended: all are ending
        }
        closedLatch.countDown();
    }

    private void exitBody(RefTask<?> t, long deadline) {
        boolean interrupted = false;
        lock.lock();
        try {
            if (!liveBodies.contains(t)) {
                return;
            }
            t.exit = true;
            turn = t;
            t.turnCond.signalAll();
            while (turn == t && liveBodies.contains(t)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    loopCond.awaitNanos(left);
                } catch (InterruptedException e) {
                    interrupted = true; // closing goes on; the flag is put back below
                }
            }
            turn = null;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Joins a body thread until the deadline, even if the caller is (or gets) interrupted (its interrupt
     * status is kept); a thread still alive then is interrupted and named on stderr.
     */
    private static void join(Thread th, String what, long deadline) {
        if (th == null || th == Thread.currentThread()) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            while (th.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedJoin(th, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (th.isAlive()) {
            th.interrupt();
            System.err.println("asyncio: body thread of " + what + " did not end: " + th.getName());
        }
    }

    /**
     * From another thread (ReferenceAdapter.endCase): stops this loop if it still runs, waits until it has closed
     * (or, if its thread does not get there, joins the bodies itself), within {@code nanos}.
     *
     * @return the names of body threads still alive afterwards (empty when all ended)
     */
    List<String> stopAndJoin(String why, long nanos) {
        long deadline = System.nanoTime() + nanos;
        abort(why);
        Thread lt = loopThread;
        if (lt != null && lt != Thread.currentThread()) {
            boolean interrupted = Thread.interrupted();
            try {
                while (closedLatch.getCount() > 0 && deadline - System.nanoTime() > 0) {
                    try {
                        closedLatch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        List<Thread> started;
        lock.lock();
        try {
            started = new ArrayList<>(bodyThreads);
        } finally {
            lock.unlock();
        }
        List<String> alive = new ArrayList<>();
        for (Thread th : started) {
            join(th, th.getName(), deadline);
            if (th.isAlive()) {
                alive.add(th.getName());
            }
        }
        return alive;
    }

    /**
     * For thread dumps: one entry per live task of this loop, with its name, its state, the future it waits on and
     * its body thread's stack.
     */
    String dumpTasks() {
        StringBuilder sb = new StringBuilder();
        Thread lt = loopThread;
        sb.append("asyncio loop ").append(id).append(" on Java thread ")
                .append(lt == null ? "-" : "\"" + lt.getName() + "\" " + lt.getState()).append('\n');
        for (RefTask<?> t : new ArrayList<>(liveBodies)) {
            Thread th = t.thread;
            sb.append("  task ").append(t.getName()).append(" coro=").append(t.coro.qualname);
            RefFuture<?> w = t.futWaiter;
            if (w != null) {
                sb.append(" waiting on ").append(w.getClass().getSimpleName());
            }
            if (th != null) {
                sb.append(" on Java thread \"").append(th.getName()).append("\" ").append(th.getState()).append('\n');
                StackTraceElement[] st = th.getStackTrace();
                for (int i = 0; i < Math.min(st.length, 40); i++) {
                    sb.append("      at ").append(st[i]).append('\n');
                }
            } else {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Override
    public String toString() {
        return "<RefEventLoop " + id + (closed ? " closed" : running ? " running" : "") + ">";
    }
}
