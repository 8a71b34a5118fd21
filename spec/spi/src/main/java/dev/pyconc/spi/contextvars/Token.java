package dev.pyconc.spi.contextvars;

import dev.pyconc.spi.PyContextManager;

/**
 * {@code contextvars.Token}, returned by {@link ContextVar#set}. As a context manager (3.14), leaving the
 * {@code with} block resets the variable with this token; {@link #enter()} returns before that.
 *
 * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Token">Token</a>
 */
public interface Token extends PyContextManager {
    /**
     * The read-only {@code var} attribute: the variable whose {@code set} made this token.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Token.var">Token.var</a>
     */
    ContextVar var();

    /**
     * The read-only {@code old_value} attribute: the variable's value before that {@code set}, or
     * {@link ContextVarsModule#missing()} if it had none.
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html#contextvars.Token.old_value">Token.old_value</a>
     */
    Object oldValue();
}
