package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;
import static dev.pyconc.conformance.cpython.Proxies.bool;
import static dev.pyconc.conformance.cpython.Proxies.integer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.asyncio.AsyncContextManager;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Barrier;
import dev.pyconc.spi.asyncio.BoundedSemaphore;
import dev.pyconc.spi.asyncio.Condition;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.asyncio.Event;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Semaphore;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.RuntimeError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The {@code asyncio} module of the agent's interpreter: {@code asyncio.run} of Java coroutine bodies, and the
 * proxies of the primitives, queues and tasks, by the agent's kind names ({@link #KINDS}).
 *
 * <p>How a Java body runs in a Python loop: {@link AsyncioModule#run} calls {@code asyncio.run} on the calling
 * Java thread's partner, whose Python thread then runs the loop. Each body (the main one, and each one made by
 * {@link Coroutine#coroutine}) is stood for in the loop by a driver coroutine ({@code _aio_drive} in
 * {@code agent.py}, which lists the steps), and runs on a Java thread of its own while it lasts ({@link Body};
 * the threads are reused from body to body within one run, and end with it). The driver
 * calls the body's step callable: the Java thread serving the loop's partner hands the body the value (or
 * exception) of its last await and waits; the body runs on, its calls served by the loop's Python thread (it
 * borrows the loop's partner, {@link Session#lend}), until its next await, which it hands back as the step's
 * result for the driver to await. So exactly one of these Java threads runs at a time, and every call that
 * touches the loop runs on the loop's thread. Cancellation thrown into the driver at its await is handed to the
 * body as the exception of that await.
 *
 * <p>Where this differs from the reference: a Java callable that Python calls from the loop itself, outside any
 * body's step (the predicate of {@code Condition.wait_for}), runs on the Java thread serving the loop's partner,
 * not on the waiting task's body thread; it runs while every body waits, so it sees their writes, but it must not
 * use a body's {@link Coroutine}.
 *
 * <p>End of a case ({@link #endCase}): an {@code asyncio.run} still in progress (a hung case) is told to close
 * (its tasks are cancelled and its drivers stop calling Java), its bodies' Java threads are unwound, and the
 * call returns on its partner thread, so nothing of it outlives the case.
 */
final class AsyncioBridge {
    private AsyncioBridge() {}

    /** This module's kinds and their proxies; a subclass's kind before its base's. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("asyncio.Task", TaskProxy::new, "asyncio.Task"),
            Proxies.Kind.of("asyncio.Lock", LockProxy::new, "asyncio.Lock"),
            Proxies.Kind.of("asyncio.Event", EventProxy::new, "asyncio.Event"),
            Proxies.Kind.of("asyncio.Condition", ConditionProxy::new, "asyncio.Condition"),
            Proxies.Kind.of("asyncio.BoundedSemaphore", BoundedSemaphoreProxy::new, "asyncio.BoundedSemaphore"),
            Proxies.Kind.of("asyncio.Semaphore", SemaphoreProxy::new, "asyncio.Semaphore"),
            Proxies.Kind.of("asyncio.Barrier", BarrierProxy::new, "asyncio.Barrier"),
            Proxies.Kind.of("asyncio.Queue", QueueProxy::new, "asyncio.Queue"),
            // coroutine objects (acquire(), wait(), get(), ...) and the futures a case may await
            Proxies.Kind.of("asyncio.awaitable", AwaitableProxy::new, "asyncio.coroutines.types.CoroutineType",
                    "asyncio.Future"));

    /** The asyncio.run calls that have not been seen to end, over every session. */
    private static final Set<Run> RUNS = ConcurrentHashMap.newKeySet();
    private static final AtomicLong BODY_COUNTER = new AtomicLong();
    private static final long MODULE = Session.handle(PyModule.ASYNCIO);

    /** The module. */
    static AsyncioModule module(Supplier<Session> session) {
        return new Module(session);
    }

    /**
     * Ends what the case left of asyncio in session {@code s} (before the session's own end of case): each
     * {@code asyncio.run} still in progress is closed and awaited, and its bodies' Java threads are unwound.
     *
     * @return a note for the adapter's details if something could not be ended, else null
     */
    static String endCase(Session s) {
        List<Run> mine = new ArrayList<>();
        for (Run r : RUNS) {
            if (r.session == s) {
                mine.add(r);
            }
        }
        if (mine.isEmpty()) {
            return null;
        }
        List<String> trouble = new ArrayList<>();
        long left = 0;
        if (!s.dead()) {
            try {
                var msg = Session.JSON.createObjectNode().put("timeout", Timing.LONG);
                JsonNode v = s.control("aio_end", msg, Timing.LONG + 5);
                left = v.path("left").asLong();
            } catch (RuntimeException e) {
                trouble.add("closing the asyncio loops failed: " + e.getMessage());
                left = -1;
            }
        }
        for (Run r : mine) {
            r.closing = true;
            for (Body b : r.bodies) {
                b.abandon();
            }
            int alive = r.joinBodies(Timing.nanos(Timing.LONG));
            if (alive > 0) {
                trouble.add(alive + " Java coroutine body thread(s) of an asyncio.run did not end");
            }
            Partner caller = r.callerPartner;
            if (left == 0 && caller != null) {
                caller.abandoned = false; // its asyncio.run call has returned in Python: the thread is free
            }
            RUNS.remove(r);
        }
        if (left > 0) {
            trouble.add(left + " asyncio.run call(s) did not return after their tasks were cancelled");
        }
        return trouble.isEmpty() ? null : String.join("; ", trouble);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    static final class Module extends Proxies.ModuleProxy implements AsyncioModule {
        Module(Supplier<Session> session) {
            super(session, PyModule.ASYNCIO);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T run(CoroutineFunction<T> main) {
            Run r = new Run(session());
            RUNS.add(r);
            boolean returned = false;
            try {
                Object v = invoke("$aio_run", new Body(r, main));
                returned = true;
                return (T) v;
            } catch (RuntimeError e) {
                returned = true;
                Throwable j = r.javaErrors.get(String.valueOf(e.getMessage()));
                if (j != null) {
                    j.addSuppressed(e);
                    throw sneakyThrow(j); // the Java throwable of a body, as the main task raised it
                }
                throw e;
            } catch (BaseException e) {
                returned = true;
                throw e;
            } finally {
                if (returned || r.session.dead()) {
                    // The loop is closed (or the agent died): no driver will resume a body still waiting at an
                    // await (say, of a coroutine object started and then dropped); it unwinds.
                    for (Body b : r.bodies) {
                        if (b.parked) {
                            b.abandon();
                        }
                    }
                    r.joinBodies(Timing.nanos(Timing.LONG));
                    RUNS.remove(r);
                } // else the call was abandoned (interrupted, deadline): endCase closes the loop
            }
        }

        @Override
        public Lock lock() {
            return as(Lock.class, invoke("Lock"));
        }

        @Override
        public Event event() {
            return as(Event.class, invoke("Event"));
        }

        @Override
        public Condition condition() {
            return as(Condition.class, invoke("Condition"));
        }

        @Override
        public Condition condition(Lock lock) {
            return as(Condition.class, invoke("Condition", lock));
        }

        @Override
        public Semaphore semaphore() {
            return as(Semaphore.class, invoke("Semaphore"));
        }

        @Override
        public Semaphore semaphore(long value) {
            return as(Semaphore.class, invoke("Semaphore", value));
        }

        @Override
        public BoundedSemaphore boundedSemaphore() {
            return as(BoundedSemaphore.class, invoke("BoundedSemaphore"));
        }

        @Override
        public BoundedSemaphore boundedSemaphore(long value) {
            return as(BoundedSemaphore.class, invoke("BoundedSemaphore", value));
        }

        @Override
        public Barrier barrier(long parties) {
            return as(Barrier.class, invoke("Barrier", parties));
        }

        @Override
        public Queue queue() {
            return as(Queue.class, invoke("Queue"));
        }

        @Override
        public Queue queue(long maxsize) {
            return as(Queue.class, invoke("Queue", maxsize));
        }

        @Override
        public Queue lifoQueue() {
            return as(Queue.class, invoke("LifoQueue"));
        }

        @Override
        public Queue lifoQueue(long maxsize) {
            return as(Queue.class, invoke("LifoQueue", maxsize));
        }

        @Override
        public Queue priorityQueue() {
            return as(Queue.class, invoke("PriorityQueue"));
        }

        @Override
        public Queue priorityQueue(long maxsize) {
            return as(Queue.class, invoke("PriorityQueue", maxsize));
        }
    }

    // ------------------------------------------------------------------ runs and bodies

    /** One {@code asyncio.run} call: its session, its bodies, the Java throwables its bodies threw. */
    static final class Run {
        final Session session;
        final List<Body> bodies = new CopyOnWriteArrayList<>();
        /** By the RuntimeError text that stands for it in Python: each Java throwable a body threw. */
        final Map<String, Throwable> javaErrors = new ConcurrentHashMap<>();
        /** The partner of the Java thread that called run (its Python thread runs the loop). */
        volatile Partner callerPartner;
        /** The case is over (or the caller gave up): bodies are unwound, not resumed. */
        volatile boolean closing;
        /**
         * The Java threads the bodies run on, reused from one body to the next within the run (starting a thread
         * costs about as much as two messages to Python), and ended with it ({@link #joinBodies}).
         */
        final java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(0,
                Integer.MAX_VALUE, 60, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "pyconc-asyncio-body-" + BODY_COUNTER.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });

        Run(Session session) {
            this.session = session;
        }

        /**
         * Waits up to {@code nanos} for the bodies to end, then ends the run's threads; returns how many bodies
         * (or threads) are still running.
         */
        int joinBodies(long nanos) {
            long deadline = System.nanoTime() + nanos;
            int alive = 0;
            try {
                for (Body b : bodies) {
                    long left = deadline - System.nanoTime();
                    if (!b.done.await(Math.max(0, left), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                        alive++;
                    }
                }
                pool.shutdown();
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()),
                        java.util.concurrent.TimeUnit.NANOSECONDS) && alive == 0) {
                    alive = 1;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdown();
                alive = Math.max(alive, 1);
            }
            return alive;
        }
    }

    /** What the driver hands a body: how to resume ("s", "v", "e", "k"), the value, and the loop's partner. */
    private record Resume(String kind, Object value, Partner loop) {}

    /** Thrown into a body's Java code when its driver is closed or its case ends: the body can only unwind. */
    static final class BodyAbandoned extends Error {
        BodyAbandoned() {
            super("pyconc: the Python coroutine driving this Java body was closed (or its case ended)", null, false,
                    false);
        }
    }

    /**
     * One Java coroutine body and its step callable (see {@code _aio_drive} in {@code agent.py}): the body runs
     * on a Java thread of its own, started by the first step; each step hands it the result of its last await
     * and waits for its next await (or its end).
     */
    static final class Body implements PyCallable {
        private final Run run;
        private final CoroutineFunction<?> fn;
        private final LinkedBlockingQueue<Resume> toBody = new LinkedBlockingQueue<>();
        private final LinkedBlockingQueue<List<Object>> toDriver = new LinkedBlockingQueue<>();
        private final Co co = new Co();
        /** The thread running the body, while it runs. */
        volatile Thread thread;
        private boolean started;
        /** Counted down when the body has ended (its thread may go on to run another body). */
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean abandoned;
        /** The body waits at an await for its driver to resume it. */
        volatile boolean parked;

        Body(Run run, CoroutineFunction<?> fn) {
            this.run = run;
            this.fn = fn;
        }

        /** The step, called by the driver on the loop's thread (served by the Java thread of its partner). */
        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            String kind = (String) args.get(0);
            Object value = args.size() > 1 ? args.get(1) : null;
            Partner loop = run.session.currentPartner();
            if (run.callerPartner == null) {
                run.callerPartner = loop;
            }
            Resume r = new Resume(kind, value, loop);
            synchronized (this) {
                if (!started) {
                    if (kind.equals("k")) {
                        return Arrays.asList("r", null); // closed before it started: nothing to unwind
                    }
                    started = true;
                    run.bodies.add(this);
                    try {
                        run.pool.execute(() -> main(r));
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        // a coroutine object of an earlier asyncio.run, awaited in a later one: a thread of its own
                        Thread t = new Thread(() -> main(r), "pyconc-asyncio-body-" + BODY_COUNTER.incrementAndGet());
                        t.setDaemon(true);
                        t.start();
                    }
                } else {
                    toBody.add(r);
                }
            }
            try {
                return toDriver.take();
            } catch (InterruptedException e) {
                // The case's thread gave up (its deadline): the driver closes the loop, endCase ends the rest. The
                // body may be inside a call served by the loop's thread (lent its partner): it gets a moment to
                // finish it and unwind, then loses the partner, which is about to serve this thread's calls.
                run.closing = true;
                abandon();
                try {
                    toDriver.poll(Timing.nanos(Timing.MEDIUM), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (InterruptedException again) {
                    // give up waiting
                }
                Thread t = thread;
                if (loop != null && t != null) {
                    run.session.unlend(t, loop);
                }
                Thread.currentThread().interrupt();
                return List.of("k");
            }
        }

        /** Makes the body unwind from its await (or at its next one) with {@link BodyAbandoned}. */
        void abandon() {
            abandoned = true;
            toBody.add(new Resume("k", null, null));
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        private void main(Resume first) {
            thread = Thread.currentThread();
            if (!abandoned) {
                Thread.interrupted(); // an interrupt meant for the thread's previous body
            }
            List<Object> out;
            co.lend(first.loop());
            try {
                out = Arrays.asList("r", fn.call(co));
            } catch (BodyAbandoned e) {
                out = Arrays.asList("r", null);
            } catch (BaseException e) {
                out = e == co.lastDelivered ? List.of("x") : Arrays.asList("e", e);
            } catch (Throwable t) {
                String text = "Java exception in a coroutine body: " + t;
                run.javaErrors.putIfAbsent(text, t);
                out = List.of("j", text);
            } finally {
                co.lend(null);
                thread = null;
            }
            toDriver.add(out);
            done.countDown();
        }

        /** The body's {@link Coroutine}: valid on the body's thread only. */
        final class Co implements Coroutine {
            /** The exception the last await threw into the body: rethrown, it crosses back as the same object. */
            BaseException lastDelivered;
            private Partner lent;

            private void lend(Partner p) {
                if (lent != null) {
                    run.session.unlend(Thread.currentThread(), lent);
                }
                lent = p;
                if (p != null) {
                    run.session.lend(p);
                }
            }

            private void check() {
                Thread t = thread;
                if (Thread.currentThread() != t) {
                    throw new IllegalStateException("a Coroutine is valid only on the thread its body runs on ("
                            + (t == null ? "the body is not running" : t.getName()) + ")");
                }
            }

            /** Hands the driver a step, waits to be resumed, and returns the value or throws the exception. */
            private Object step(Object... request) {
                check();
                if (abandoned) {
                    throw new BodyAbandoned();
                }
                lend(null);
                parked = true;
                toDriver.add(Arrays.asList(request));
                Resume r;
                try {
                    r = toBody.take();
                } catch (InterruptedException e) {
                    abandoned = true;
                    throw new BodyAbandoned();
                } finally {
                    parked = false;
                }
                switch (r.kind()) {
                    case "v" -> {
                        lend(r.loop());
                        return r.value();
                    }
                    case "e" -> {
                        lend(r.loop());
                        BaseException e = r.value() instanceof BaseException b ? b
                                : new RuntimeError("pyconc: not an exception from Python: " + r.value());
                        lastDelivered = e;
                        throw e;
                    }
                    default -> {
                        lend(r.loop()); // closed by the driver: unwinds on the loop's thread; at the case's end: off it
                        abandoned = true;
                        throw new BodyAbandoned();
                    }
                }
            }

            private Object awaitable(Awaitable<?> a) {
                if (!(a instanceof Proxies.PyObjectProxy p) || p.session != run.session) {
                    throw new IllegalArgumentException("not an awaitable of this cpython session: " + a);
                }
                return a;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T await(Awaitable<T> awaitable) {
                return (T) step("a", awaitable(awaitable));
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> Awaitable<T> coroutine(CoroutineFunction<T> fn) {
                check();
                return as(Awaitable.class, run.session.call(MODULE, "$aio_coro", false, new Body(run, fn)));
            }

            @Override
            public <T> Task<T> createTask(Awaitable<T> coro) {
                return createTask(coro, null);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> Task<T> createTask(Awaitable<T> coro, String name) {
                check();
                return as(Task.class, run.session.call(MODULE, "$aio_create_task", false, awaitable(coro), name));
            }

            /** {@code asyncio.create_task(fn())} in one call to the loop's thread, not two. */
            @Override
            @SuppressWarnings("unchecked")
            public <T> Task<T> createTask(CoroutineFunction<T> fn) {
                check();
                return as(Task.class, run.session.call(MODULE, "$aio_task_of", false, new Body(run, fn)));
            }

            @Override
            public void sleep(double delay) {
                step("sl", delay);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T waitFor(Awaitable<T> awaitable, Double timeout) {
                return (T) step("wf", awaitable(awaitable), timeout);
            }

            @Override
            public void timeout(Double delay, Runnable body) {
                step("ct", delay);
                block(body);
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<Object> gather(List<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
                List<Object> aws = new ArrayList<>(awaitables.size());
                for (Awaitable<?> a : awaitables) {
                    aws.add(awaitable(a));
                }
                return (List<Object>) step("ga", aws, returnExceptions);
            }

            @Override
            public Task<?> currentTask() {
                check();
                return as(Task.class, run.session.call(MODULE, "current_task", false));
            }

            @Override
            public double time() {
                check();
                return ((Number) run.session.call(MODULE, "$aio_time", false)).doubleValue();
            }

            /** The real {@code async with}: the driver enters and exits {@code cm} around the block. */
            @Override
            public void asyncWith(AsyncContextManager cm, Runnable body) {
                if (!(cm instanceof Proxies.PyObjectProxy)) {
                    Coroutine.super.asyncWith(cm, body);
                    return;
                }
                step("ce", cm);
                block(body);
            }

            /** The block of an {@code async with} entered by the driver, then its exit ({@code "cx"}). */
            private void block(Runnable body) {
                try {
                    body.run();
                } catch (BodyAbandoned e) {
                    throw e;
                } catch (BaseException e) {
                    if (!Proxies.bool(step("cx", e == lastDelivered ? "x" : e))) {
                        throw e;
                    }
                    return;
                } catch (RuntimeException | Error e) {
                    if (!Proxies.bool(step("cx", new RuntimeError("Java exception in the async with block: " + e)))) {
                        throw e;
                    }
                    return;
                }
                step("cx", null);
            }
        }
    }

    // ------------------------------------------------------------------ proxies

    /** A coroutine object (or a future) of the agent: something a body may await once (a future: any number). */
    static final class AwaitableProxy extends Proxies.PyObjectProxy implements Awaitable<Object> {
        AwaitableProxy(Session s, long hid) {
            super(s, hid, "asyncio.awaitable");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Awaitable<T> awaitable(Object v) {
        return as(Awaitable.class, v);
    }

    static final class TaskProxy extends Proxies.PyObjectProxy implements Task<Object> {
        TaskProxy(Session s, long hid) {
            super(s, hid, "asyncio.Task");
        }

        @Override
        public boolean done() {
            return bool(invoke("done"));
        }

        @Override
        public boolean cancelled() {
            return bool(invoke("cancelled"));
        }

        @Override
        public boolean cancel() {
            return bool(invoke("cancel"));
        }

        @Override
        public boolean cancel(String msg) {
            return bool(invoke("cancel", msg));
        }

        @Override
        public long cancelling() {
            return integer(invoke("cancelling"));
        }

        @Override
        public long uncancel() {
            return integer(invoke("uncancel"));
        }

        @Override
        public Object result() {
            return invoke("result");
        }

        @Override
        public BaseException exception() {
            Object e = invoke("exception");
            return e == null ? null : as(BaseException.class, e);
        }

        @Override
        public String getName() {
            return (String) invoke("get_name");
        }
    }

    /** What the primitives usable in {@code async with} share. */
    abstract static class ContextProxy extends Proxies.PyObjectProxy implements AsyncContextManager {
        ContextProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        @Override
        public Awaitable<Object> aenter() {
            return awaitable(invoke("__aenter__"));
        }

        @Override
        public Awaitable<Boolean> aexit(BaseException exc) {
            return awaitable(invoke("$aio_aexit", exc));
        }
    }

    /** Lock, Condition and Semaphore: {@code acquire()}, {@code release()} and {@code locked()}, and {@code async with}. */
    abstract static class AcquiringProxy extends ContextProxy {
        AcquiringProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        public Awaitable<Boolean> acquire() {
            return awaitable(invoke("acquire"));
        }

        public void release() {
            invoke("release");
        }

        public boolean locked() {
            return bool(invoke("locked"));
        }
    }

    static final class LockProxy extends AcquiringProxy implements Lock {
        LockProxy(Session s, long hid) {
            super(s, hid, "asyncio.Lock");
        }
    }

    static final class EventProxy extends Proxies.PyObjectProxy implements Event {
        EventProxy(Session s, long hid) {
            super(s, hid, "asyncio.Event");
        }

        @Override
        public Awaitable<Boolean> await() {
            return awaitable(invoke("wait"));
        }

        @Override
        public void set() {
            invoke("set");
        }

        @Override
        public void clear() {
            invoke("clear");
        }

        @Override
        public boolean isSet() {
            return bool(invoke("is_set"));
        }
    }

    static final class ConditionProxy extends AcquiringProxy implements Condition {
        ConditionProxy(Session s, long hid) {
            super(s, hid, "asyncio.Condition");
        }

        @Override
        public Awaitable<Boolean> await() {
            return awaitable(invoke("wait"));
        }

        @Override
        public Awaitable<Object> waitFor(Supplier<Object> predicate) {
            return awaitable(invoke("wait_for", predicate));
        }

        @Override
        public void signal() {
            invoke("notify");
        }

        @Override
        public void signal(long n) {
            invoke("notify", n);
        }

        @Override
        public void signalAll() {
            invoke("notify_all");
        }
    }

    static class SemaphoreProxy extends AcquiringProxy implements Semaphore {
        SemaphoreProxy(Session s, long hid) {
            this(s, hid, "asyncio.Semaphore");
        }

        SemaphoreProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }
    }

    static final class BoundedSemaphoreProxy extends SemaphoreProxy implements BoundedSemaphore {
        BoundedSemaphoreProxy(Session s, long hid) {
            super(s, hid, "asyncio.BoundedSemaphore");
        }
    }

    static final class BarrierProxy extends ContextProxy implements Barrier {
        BarrierProxy(Session s, long hid) {
            super(s, hid, "asyncio.Barrier");
        }

        @Override
        public Awaitable<Long> await() {
            return awaitable(invoke("wait"));
        }

        @Override
        public Awaitable<Object> reset() {
            return awaitable(invoke("reset"));
        }

        @Override
        public Awaitable<Object> abort() {
            return awaitable(invoke("abort"));
        }

        @Override
        public long parties() {
            return integer(attr("parties"));
        }

        @Override
        public long nWaiting() {
            return integer(attr("n_waiting"));
        }

        @Override
        public boolean broken() {
            return bool(attr("broken"));
        }
    }

    static final class QueueProxy extends Proxies.PyObjectProxy implements Queue {
        QueueProxy(Session s, long hid) {
            super(s, hid, "asyncio.Queue");
        }

        @Override
        public long maxsize() {
            return integer(attr("maxsize"));
        }

        @Override
        public long qsize() {
            return integer(invoke("qsize"));
        }

        @Override
        public boolean empty() {
            return bool(invoke("empty"));
        }

        @Override
        public boolean full() {
            return bool(invoke("full"));
        }

        @Override
        public Awaitable<Object> put(Object item) {
            return awaitable(invoke("put", item));
        }

        @Override
        public void putNowait(Object item) {
            invoke("put_nowait", item);
        }

        @Override
        public Awaitable<Object> get() {
            return awaitable(invoke("get"));
        }

        @Override
        public Object getNowait() {
            return invoke("get_nowait");
        }

        @Override
        public void taskDone() {
            invoke("task_done");
        }

        @Override
        public Awaitable<Object> join() {
            return awaitable(invoke("join"));
        }

        @Override
        public void shutdown() {
            invoke("shutdown");
        }

        @Override
        public void shutdown(boolean immediate) {
            invoke("shutdown", immediate);
        }
    }
}
