package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.futures.DoneAndNotDone;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.futures.ReturnWhen;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Broken adapter {@code broken-future-late-callback}: the reference, except that a {@code Future()} made by
 * hand forgets a done-callback added after the future completed.
 *
 * <p><b>The bug.</b> A future keeps a list of callbacks and runs the list when its outcome is set. The easy
 * implementation of {@code add_done_callback} just appends to that list; it works for every callback added
 * in time, and nothing looks wrong until someone attaches a callback to a future that is already done: the
 * list has already been run, so the new callback is never called. Python promises it is called at once. The
 * self-check expects exactly the cases that add a callback to a done future to FAIL.
 */
public class LateCallbackFutureAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-future-late-callback";
    }

    @Override
    public String description() {
        return "self-check: the reference with a Future whose add_done_callback drops callbacks added once done";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "Future.add_done_callback drops callbacks added after completion", config) {
            private final FuturesModule module = new Module(reference.module(FuturesModule.class));

            @Override
            public Object module(PyModule m) {
                return m == PyModule.CONCURRENT_FUTURES ? module : super.module(m);
            }
        };
    }

    /** The reference module; hand-made futures are wrapped (and unwrapped for wait/as_completed). */
    static final class Module implements FuturesModule {
        private final FuturesModule ref;
        private final Map<Future, LateCallbackFuture> wrappers = new IdentityHashMap<>();

        Module(FuturesModule ref) {
            this.ref = ref;
        }

        private Future unwrap(Future f) {
            return f instanceof LateCallbackFuture w ? w.inner : f;
        }

        private Future rewrap(Future f) {
            synchronized (wrappers) {
                LateCallbackFuture w = wrappers.get(f);
                return w != null ? w : f;
            }
        }

        private List<Future> unwrapAll(Collection<Future> fs) {
            List<Future> out = new ArrayList<>();
            for (Future f : fs) {
                out.add(unwrap(f));
            }
            return out;
        }

        private Set<Future> rewrapAll(Set<Future> fs) {
            Set<Future> out = new LinkedHashSet<>();
            for (Future f : fs) {
                out.add(rewrap(f));
            }
            return out;
        }

        @Override
        public Future future() {
            LateCallbackFuture w = new LateCallbackFuture(ref.future());
            synchronized (wrappers) {
                wrappers.put(w.inner, w);
            }
            return w;
        }

        @Override
        public Executor threadPoolExecutor(ExecutorOptions options) {
            return ref.threadPoolExecutor(options);
        }

        @Override
        public Executor processPoolExecutor(ExecutorOptions options) {
            return ref.processPoolExecutor(options);
        }

        @Override
        public Executor interpreterPoolExecutor(ExecutorOptions options) {
            return ref.interpreterPoolExecutor(options);
        }

        @Override
        public DoneAndNotDone wait(Collection<Future> fs, Double timeout, ReturnWhen returnWhen) {
            DoneAndNotDone r = ref.wait(unwrapAll(fs), timeout, returnWhen);
            return new DoneAndNotDone(rewrapAll(r.done()), rewrapAll(r.notDone()));
        }

        @Override
        public PyIterator<Future> asCompleted(Collection<Future> fs, Double timeout) {
            PyIterator<Future> it = ref.asCompleted(unwrapAll(fs), timeout);
            return () -> rewrap(it.next());
        }

        @Override
        public PyCallable function(String qualifiedName) {
            return ref.function(qualifiedName);
        }

        @Override
        public Long processCpuCount() {
            return ref.processCpuCount();
        }

        @Override
        public List<String> captureLog(Runnable body) {
            return ref.captureLog(body);
        }
    }

    /** Delegates everything; add_done_callback only registers, so a callback added once done never runs. */
    static final class LateCallbackFuture implements Future {
        final Future inner;

        LateCallbackFuture(Future inner) {
            this.inner = inner;
        }

        @Override
        public void addDoneCallback(PyCallable fn) {
            if (inner.done()) {
                return; // BUG: the callbacks already ran; this one is appended to a list nobody runs again
            }
            inner.addDoneCallback((args, kwargs) -> fn.call(List.of(this), kwargs));
        }

        @Override
        public boolean cancel() {
            return inner.cancel();
        }

        @Override
        public boolean cancelled() {
            return inner.cancelled();
        }

        @Override
        public boolean running() {
            return inner.running();
        }

        @Override
        public boolean done() {
            return inner.done();
        }

        @Override
        public Object result() {
            return inner.result();
        }

        @Override
        public Object result(Double timeout) {
            return inner.result(timeout);
        }

        @Override
        public BaseException exception() {
            return inner.exception();
        }

        @Override
        public BaseException exception(Double timeout) {
            return inner.exception(timeout);
        }

        @Override
        public boolean setRunningOrNotifyCancel() {
            return inner.setRunningOrNotifyCancel();
        }

        @Override
        public void setResult(Object result) {
            inner.setResult(result);
        }

        @Override
        public void setException(BaseException exception) {
            inner.setException(exception);
        }
    }
}
