package dev.pyconc.spi.threading;

import dev.pyconc.spi.PyCallable;
import java.util.List;
import java.util.Map;

/**
 * The constructor arguments of {@code threading.Thread}: group, target, name, args, kwargs, and the
 * keyword-only daemon, each defaulting as documented below. Start from {@link #of(PyCallable)} or
 * {@link #none()} and use the {@code with*} methods.
 *
 * @param group must be None (null); any other value is reserved by Python
 * @param target called by run(); null for None (run() then does nothing)
 * @param name thread name; null for None (Python picks {@code Thread-N} or {@code Thread-N (target)})
 * @param args positional arguments for the target, plain values
 * @param kwargs keyword arguments for the target, plain values
 * @param daemon null (None) inherits the creating thread's daemon flag
 * @param context (3.14) the {@link dev.pyconc.spi.contextvars.Context} the thread runs in; null (None) lets
 *     {@code sys.flags.thread_inherit_context} decide: a copy of the starter's context, or an empty one.
 *     An adapter for an older Python must reject a non-null value
 * @see <a href="https://docs.python.org/3/library/threading.html#threading.Thread">threading.Thread</a>
 */
public record ThreadOptions(Object group, PyCallable target, String name, List<Object> args,
        Map<String, Object> kwargs, Boolean daemon, dev.pyconc.spi.contextvars.Context context) {

    public ThreadOptions {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        kwargs = kwargs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    }

    /** {@code Thread()}: every argument at its default. */
    public static ThreadOptions none() {
        return new ThreadOptions(null, null, null, List.of(), Map.of(), null, null);
    }

    /** {@code Thread(target=target)}. */
    public static ThreadOptions of(PyCallable target) {
        return none().withTarget(target);
    }

    public ThreadOptions withGroup(Object g) {
        return new ThreadOptions(g, target, name, args, kwargs, daemon, context);
    }

    public ThreadOptions withTarget(PyCallable t) {
        return new ThreadOptions(group, t, name, args, kwargs, daemon, context);
    }

    public ThreadOptions withName(String n) {
        return new ThreadOptions(group, target, n, args, kwargs, daemon, context);
    }

    public ThreadOptions withArgs(List<Object> a) {
        return new ThreadOptions(group, target, name, a, kwargs, daemon, context);
    }

    public ThreadOptions withKwargs(Map<String, Object> k) {
        return new ThreadOptions(group, target, name, args, k, daemon, context);
    }

    public ThreadOptions withDaemon(Boolean d) {
        return new ThreadOptions(group, target, name, args, kwargs, d, context);
    }

    public ThreadOptions withContext(dev.pyconc.spi.contextvars.Context c) {
        return new ThreadOptions(group, target, name, args, kwargs, daemon, c);
    }
}
