package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;

import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.futures.DoneAndNotDone;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.futures.ReturnWhen;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code concurrent.futures} module of the agent's interpreter, and proxies of its objects ({@code Future},
 * {@code Executor}, and the iterators of {@code as_completed} and {@code Executor.map}), by the agent's kind names
 * ({@link #KINDS}). Whether a call waits in Python is declared once, on the SPI method
 * ({@link dev.pyconc.spi.Blocking}).
 */
final class FuturesBridge {
    private FuturesBridge() {}

    /** This module's kinds (the agent's names for its classes) and their proxies. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("Future", FutureProxy::new, "concurrent.futures.Future"),
            Proxies.Kind.of("Executor", ExecutorProxy::new, "concurrent.futures.Executor"),
            Proxies.Kind.of("iterator", IteratorProxy::new)); // as_completed and map: the agent's generic kind

    /** The module. */
    static FuturesModule module(Supplier<Session> session) {
        return new Module(session);
    }


    static final class FutureProxy extends Proxies.PyObjectProxy implements Future {
        FutureProxy(Session s, long hid) {
            super(s, hid, "Future");
        }

        /** Runs the done callbacks, which may call back into Java, so it goes the blocking way. */
        @Override
        public boolean cancel() {
            return Proxies.bool(invoke("cancel"));
        }

        @Override
        public boolean cancelled() {
            return Proxies.bool(invoke("cancelled"));
        }

        @Override
        public boolean running() {
            return Proxies.bool(invoke("running"));
        }

        @Override
        public boolean done() {
            return Proxies.bool(invoke("done"));
        }

        @Override
        public Object result() {
            return invoke("result");
        }

        @Override
        public Object result(Double timeout) {
            return invoke("result", timeout);
        }

        @Override
        public BaseException exception() {
            Object v = invoke("exception");
            return v == null ? null : as(BaseException.class, v);
        }

        @Override
        public BaseException exception(Double timeout) {
            Object v = invoke("exception", timeout);
            return v == null ? null : as(BaseException.class, v);
        }

        /** May run the callback at once (a Java callback: a call back from Python), so it goes the blocking way. */
        @Override
        public void addDoneCallback(PyCallable fn) {
            invoke("add_done_callback", fn);
        }

        @Override
        public boolean setRunningOrNotifyCancel() {
            return Proxies.bool(invoke("set_running_or_notify_cancel"));
        }

        /** Runs the callbacks, which may call back into Java. */
        @Override
        public void setResult(Object result) {
            invoke("set_result", result);
        }

        @Override
        public void setException(BaseException exception) {
            invoke("set_exception", exception);
        }
    }

    static final class ExecutorProxy extends Proxies.PyObjectProxy implements Executor {
        ExecutorProxy(Session s, long hid) {
            super(s, hid, "Executor");
        }

        
        @Override
        public Future submit(PyCallable fn, List<Object> args, Map<String, Object> kwargs) {
            List<Object> all = new ArrayList<>();
            all.add(fn);
            all.addAll(args);
            return as(Future.class, invokeKw("submit", all, kwargs));
        }

        @Override
        @SuppressWarnings("unchecked")
        public PyIterator<Object> map(PyCallable fn, List<? extends List<?>> iterables, Double timeout, long chunksize,
                Long buffersize) {
            List<Object> all = new ArrayList<>();
            all.add(fn);
            all.addAll(iterables);
            Map<String, Object> kw = new LinkedHashMap<>();
            kw.put("timeout", timeout);
            kw.put("chunksize", chunksize);
            if (buffersize != null) {
                kw.put("buffersize", buffersize); // 3.14+; older Pythons raise TypeError for it
            }
            return as(PyIterator.class, invokeKw("map", all, kw));
        }

        @Override
        public void shutdown(boolean wait, boolean cancelFutures) {
            invokeKw("shutdown", List.of(), Map.of("wait", wait, "cancel_futures", cancelFutures));
        }

        @Override
        public void terminateWorkers() {
            invoke("terminate_workers");
        }

        @Override
        public void killWorkers() {
            invoke("kill_workers");
        }

        @Override
        public Held enter() {
            invoke("__enter__");
            return heldExit();
        }
    }

    /** A Python iterator; {@code __next__} may block (as_completed, Executor.map). */
    static final class IteratorProxy extends Proxies.PyObjectProxy implements PyIterator<Object> {
        IteratorProxy(Session s, long hid) {
            super(s, hid, "iterator");
        }

        @Override
        public Object next() {
            return invoke("__next__");
        }
    }

    static final class Module extends Proxies.ModuleProxy implements FuturesModule {
        Module(Supplier<Session> session) {
            super(session, PyModule.CONCURRENT_FUTURES);
        }

        @Override
        public Future future() {
            return as(Future.class, invoke("Future"));
        }

        private static Map<String, Object> common(ExecutorOptions o) {
            Map<String, Object> kw = new LinkedHashMap<>();
            kw.put("max_workers", o.maxWorkers());
            if (o.initializer() != null) {
                kw.put("initializer", o.initializer());
                kw.put("initargs", o.initargs());
            }
            return kw;
        }

        /**
         * The arguments of a thread-based pool: the common ones, thread_name_prefix, and, if set, the process
         * pool's mp_context and max_tasks_per_child, passed through as given so that Python raises its own
         * TypeError for them (the ExecutorOptions contract: they must be null for these kinds).
         */
        private static Map<String, Object> threadBased(ExecutorOptions o) {
            Map<String, Object> kw = common(o);
            if (o.threadNamePrefix() != null) {
                kw.put("thread_name_prefix", o.threadNamePrefix());
            }
            if (o.mpContext() != null) {
                kw.put("mp_context", o.mpContext());
            }
            if (o.maxTasksPerChild() != null) {
                kw.put("max_tasks_per_child", o.maxTasksPerChild());
            }
            return kw;
        }

        @Override
        public Executor threadPoolExecutor(ExecutorOptions o) {
            return as(Executor.class, invokeKw("ThreadPoolExecutor", List.of(), threadBased(o)));
        }

        @Override
        public Executor processPoolExecutor(ExecutorOptions o) {
            Map<String, Object> kw = common(o);
            String method = o.mpContext();
            if (method == null && "fork".equals(modcall("multiprocessing", "get_start_method"))) {
                // Before 3.14 the POSIX default is fork, and the agent is multi-threaded: a forked worker can
                // inherit a lock another agent thread held and hang (the 3.12+ DeprecationWarning's reason).
                // The bridge then asks for forkserver, 3.14's default, so that calls behave as on 3.14.
                method = "forkserver";
            }
            if (method != null) {
                kw.put("mp_context", modcall("multiprocessing", "get_context", method));
            }
            if (o.maxTasksPerChild() != null) {
                kw.put("max_tasks_per_child", o.maxTasksPerChild());
            }
            if (o.threadNamePrefix() != null) {
                kw.put("thread_name_prefix", o.threadNamePrefix()); // not a parameter here: Python's TypeError
            }
            return as(Executor.class, invokeKw("ProcessPoolExecutor", List.of(), kw));
        }

        @Override
        public Executor interpreterPoolExecutor(ExecutorOptions o) {
            return as(Executor.class, invokeKw("InterpreterPoolExecutor", List.of(), threadBased(o)));
        }

        @Override
        @SuppressWarnings("unchecked")
        public DoneAndNotDone wait(Collection<Future> fs, Double timeout, ReturnWhen returnWhen) {
            Object v = invoke("wait", new ArrayList<>(fs), timeout,
                    returnWhen.name());
            List<?> pair = as(List.class, v);
            return new DoneAndNotDone(futures(pair.get(0)), futures(pair.get(1)));
        }

        private static Set<Future> futures(Object v) {
            Set<Future> out = new LinkedHashSet<>();
            for (Object o : as(List.class, v)) {
                out.add(as(Future.class, o));
            }
            return out;
        }

        @Override
        @SuppressWarnings("unchecked")
        public PyIterator<Future> asCompleted(Collection<Future> fs, Double timeout) {
            Object v = invoke("as_completed", new ArrayList<>(fs), timeout);
            PyIterator<Object> it = as(PyIterator.class, v);
            return () -> as(Future.class, it.next());
        }

        /** The named function's object in the agent's interpreter, as a callable proxy. */
        @Override
        public PyCallable function(String qualifiedName) {
            int dot = qualifiedName.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("not a qualified name: " + qualifiedName);
            }
            Object mod = modcall("importlib", "import_module", qualifiedName.substring(0, dot));
            Object f;
            try {
                f = as(Proxies.PyObjectProxy.class, mod).attr(qualifiedName.substring(dot + 1));
            } catch (AttributeError e) {
                throw new IllegalArgumentException("no function " + qualifiedName, e);
            }
            return as(PyCallable.class, f);
        }

        @Override
        public Long processCpuCount() {
            Object v;
            try {
                v = modcall("os", "process_cpu_count");
            } catch (AttributeError e) {
                v = modcall("os", "cpu_count"); // before 3.13
            }
            return v == null ? null : Proxies.integer(v);
        }

        /**
         * Adds a capturing handler to the root logger (agent helper {@code $log_start}), runs {@code body},
         * removes it and returns its records ({@code $log_stop}).
         */
        @Override
        public List<String> captureLog(Runnable body) {
            Object capture = invoke("$log_start");
            List<String> out = new java.util.ArrayList<>();
            try {
                body.run();
            } finally {
                Object records = invoke("$log_stop", capture);
                for (Object o : as(List.class, records)) {
                    out.add((String) o);
                }
            }
            return out;
        }
    }
}
