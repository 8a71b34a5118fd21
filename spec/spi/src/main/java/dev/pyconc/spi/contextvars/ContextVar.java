package dev.pyconc.spi.contextvars;

/**
 * {@code contextvars.ContextVar}: a variable whose value depends on the current context.
 *
 * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar">ContextVar</a>
 */
public interface ContextVar {
    /**
     * The read-only {@code name} attribute (3.7.1).
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar.name">ContextVar.name</a>
     */
    String name();

    /**
     * {@code get()}: the variable's value in the current context, else its default.
     *
     * @throws dev.pyconc.spi.exceptions.LookupError if it has neither
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar.get">ContextVar.get</a>
     */
    Object get();

    /**
     * {@code get(default)}: the variable's value in the current context, else {@code defaultValue} (which
     * wins over the variable's own default).
     *
     * @param defaultValue null for None
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar.get">ContextVar.get</a>
     */
    Object get(Object defaultValue);

    /**
     * {@code set(value)}: sets the value in the current context.
     *
     * @return a token for {@link #reset}
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar.set">ContextVar.set</a>
     */
    Token set(Object value);

    /**
     * {@code reset(token)}: restores the value from before the {@code set} that made {@code token}.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the token was already used
     * @throws dev.pyconc.spi.exceptions.ValueError if the token was made by another variable, or in another
     *     context
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.ContextVar.reset">ContextVar.reset</a>
     */
    void reset(Token token);
}
