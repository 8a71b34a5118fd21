package dev.pyconc.spi.contextvars;

/**
 * The {@code contextvars} module (3.7+).
 *
 * @see <a href="https://docs.python.org/3/library/contextvars.html">contextvars</a>
 */
public interface ContextVarsModule {
    /**
     * {@code ContextVar(name)}: a new variable without a default.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar">ContextVar</a>
     */
    ContextVar contextVar(String name);

    /**
     * {@code ContextVar(name, default=defaultValue)}.
     *
     * @param defaultValue what {@code get()} returns where the variable has no value; null is None (a
     *     default of None, unlike {@link #contextVar(String)})
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar">ContextVar</a>
     */
    ContextVar contextVar(String name, Object defaultValue);

    /**
     * {@code copy_context()}: a copy of the calling thread's current context.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.copy_context">copy_context</a>
     */
    Context copyContext();

    /**
     * {@code Context()}: a new, empty context.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Context">Context</a>
     */
    Context context();

    /**
     * {@code Token.MISSING}: the marker {@link Token#oldValue()} returns for a variable that had no value.
     * Compare with {@code equals}.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Token.MISSING">Token.MISSING</a>
     */
    Object missing();

    /**
     * {@code sys.flags.thread_inherit_context} (3.14): whether a {@code threading.Thread} started without a
     * {@code context} argument starts in a copy of its starter's context (True) or in an empty one (False).
     *
     * @see <a href="https://docs.python.org/3/library/sys.html#sys.flags">sys.flags</a>
     */
    boolean threadInheritContext();
}
