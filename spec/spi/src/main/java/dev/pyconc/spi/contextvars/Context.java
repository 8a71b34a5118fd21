package dev.pyconc.spi.contextvars;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyCallable;
import java.util.List;
import java.util.Map;

/**
 * {@code contextvars.Context}: a mapping of ContextVars to values. Each thread has a stack of entered contexts;
 * the top one is current. The mapping methods are Python's {@code collections.abc.Mapping} ones.
 *
 * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context">Context</a>
 */
public interface Context {
    /**
     * {@code run(callable)}.
     *
     * @see #run(PyCallable, List, Map)
     */
    @Blocking
    default Object run(PyCallable callable) {
        return run(callable, List.of(), Map.of());
    }

    /**
     * {@code run(callable, *args, **kwargs)}: enters this context in the calling thread, calls
     * {@code callable(*args, **kwargs)} and exits it again, even if the callable raised.
     *
     * @return what the callable returned
     * @throws dev.pyconc.spi.exceptions.RuntimeError if this context is already entered, in this thread or
     *     another
     * @throws dev.pyconc.spi.exceptions.BaseException what the callable raised
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context.run">Context.run</a>
     */
    @Blocking
    Object run(PyCallable callable, List<Object> args, Map<String, Object> kwargs);

    /**
     * {@code copy()}: a shallow copy.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context.copy">Context.copy</a>
     */
    Context copy();

    /**
     * {@code var in context}.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context">Context</a>
     */
    boolean contains(ContextVar var);

    /**
     * {@code context[var]}.
     *
     * @throws dev.pyconc.spi.exceptions.KeyError if the variable has no value in this context
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context">Context</a>
     */
    Object getItem(ContextVar var);

    /**
     * {@code get(var)}: the value, or None (null) if the variable has none here.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context.get">Context.get</a>
     */
    Object get(ContextVar var);

    /**
     * {@code get(var, default)}.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context.get">Context.get</a>
     */
    Object get(ContextVar var, Object defaultValue);

    /**
     * {@code list(iter(context))}: the variables with a value here.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context">Context</a>
     */
    List<ContextVar> iterate();

    /**
     * {@code len(context)}.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context">Context</a>
     */
    long len();

    /**
     * {@code list(keys())}.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context.keys">Context.keys</a>
     */
    List<ContextVar> keys();

    /**
     * {@code list(values())}.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context.values">Context.values</a>
     */
    List<Object> values();

    /**
     * {@code list(items())}: (variable, value) pairs.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context.items">Context.items</a>
     */
    List<Map.Entry<ContextVar, Object>> items();
}
