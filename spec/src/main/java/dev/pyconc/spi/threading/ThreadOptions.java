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
 * @see <a href="https://docs.python.org/3/library/threading.html#threading.Thread">threading.Thread</a>
 */
public record ThreadOptions(Object group, PyCallable target, String name, List<Object> args,
        Map<String, Object> kwargs, Boolean daemon) {

    public ThreadOptions {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        kwargs = kwargs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    }

    /** {@code Thread()}: every argument at its default. */
    public static ThreadOptions none() {
        return new ThreadOptions(null, null, null, List.of(), Map.of(), null);
    }

    /** {@code Thread(target=target)}. */
    public static ThreadOptions of(PyCallable target) {
        return none().withTarget(target);
    }

    public ThreadOptions withGroup(Object g) {
        return new ThreadOptions(g, target, name, args, kwargs, daemon);
    }

    public ThreadOptions withTarget(PyCallable t) {
        return new ThreadOptions(group, t, name, args, kwargs, daemon);
    }

    public ThreadOptions withName(String n) {
        return new ThreadOptions(group, target, n, args, kwargs, daemon);
    }

    public ThreadOptions withArgs(List<Object> a) {
        return new ThreadOptions(group, target, name, a, kwargs, daemon);
    }

    public ThreadOptions withKwargs(Map<String, Object> k) {
        return new ThreadOptions(group, target, name, args, k, daemon);
    }

    public ThreadOptions withDaemon(Boolean d) {
        return new ThreadOptions(group, target, name, args, kwargs, d);
    }
}
