package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.sched.SchedEvent;
import dev.pyconc.spi.sched.SchedModule;
import dev.pyconc.spi.sched.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code sched} module of the agent's interpreter, and proxies of its objects: {@code sched.scheduler}
 * (kind "scheduler") and {@code sched.Event} (kind "SchedEvent", sent as a handle rather than as a tuple so
 * that {@code cancel} gets the very object back).
 */
final class SchedBridge {
    private SchedBridge() {}

    /** This module's kinds (the agent's names for its classes) and their proxies. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("scheduler", SchedulerProxy::new, "sched.scheduler"),
            // a named tuple, sent as a handle all the same: cancel() needs the very object back
            Proxies.Kind.of("SchedEvent", SchedEventProxy::new, "sched.Event"));

    /** The module. */
    static SchedModule module(Supplier<Session> session) {
        return new Module(session);
    }

    static final class Module extends Proxies.ModuleProxy implements SchedModule {
        Module(Supplier<Session> session) {
            super(session, PyModule.SCHED);
        }

        @Override
        public Scheduler scheduler() {
            return Proxies.as(Scheduler.class, invoke("scheduler"));
        }

        @Override
        public Scheduler scheduler(PyCallable timefunc, PyCallable delayfunc) {
            return Proxies.as(Scheduler.class, invoke("scheduler", timefunc, delayfunc));
        }
    }


    private static Double number(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return n.doubleValue();
        }
        throw new PythonBridgeException("expected a number from Python, got " + v);
    }

    /**
     * {@code sched.scheduler}. Calls that run Python code which may call back into Java (timefunc, delayfunc,
     * actions) or wait for the scheduler's lock are sent as blocking calls.
     */
    static final class SchedulerProxy extends Proxies.PyObjectProxy implements Scheduler {
        SchedulerProxy(Session s, long hid) {
            super(s, hid, "scheduler");
        }

        @Override
        public SchedEvent enterabs(double time, long priority, PyCallable action) {
            return Proxies.as(SchedEvent.class, invoke("enterabs", time, priority, action));
        }

        @Override
        public SchedEvent enterabs(double time, long priority, PyCallable action, List<Object> argument,
                Map<String, Object> kwargs) {
            return Proxies.as(SchedEvent.class, invoke("enterabs", time, priority, action, argument, kwargs));
        }

        @Override
        public SchedEvent enter(double delay, long priority, PyCallable action) {
            return Proxies.as(SchedEvent.class, invoke("enter", delay, priority, action));
        }

        @Override
        public SchedEvent enter(double delay, long priority, PyCallable action, List<Object> argument,
                Map<String, Object> kwargs) {
            return Proxies.as(SchedEvent.class, invoke("enter", delay, priority, action, argument, kwargs));
        }

        @Override
        public void cancel(SchedEvent event) {
            invoke("cancel", event);
        }

        @Override
        public boolean empty() {
            return Proxies.bool(invoke("empty"));
        }

        @Override
        public void run() {
            invoke("run");
        }

        @Override
        public Double run(boolean blocking) {
            return number(invoke("run", blocking));
        }

        @Override
        public List<SchedEvent> queue() {
            Object v = attr("queue");
            List<SchedEvent> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(Proxies.as(SchedEvent.class, o));
            }
            return out;
        }
    }

    /**
     * {@code sched.Event}: its fields are read with getattr. Two proxies are equal when they stand for the same
     * Python object (the agent gives one object one handle).
     */
    static final class SchedEventProxy extends Proxies.PyObjectProxy implements SchedEvent {
        SchedEventProxy(Session s, long hid) {
            super(s, hid, "SchedEvent");
        }

        @Override
        public double time() {
            return number(attr("time"));
        }

        @Override
        public long priority() {
            return Proxies.integer(attr("priority"));
        }

        @Override
        public PyCallable action() {
            Object v = attr("action");
            if (v instanceof PyCallable c) {
                return c;
            }
            throw new PythonBridgeException("expected a callable as the event's action, got " + v);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Object> argument() {
            return (List<Object>) attr("argument");
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> kwargs() {
            return (Map<String, Object>) attr("kwargs");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SchedEventProxy p && p.session == session && p.hid == hid;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hid);
        }
    }
}
