package dev.pyconc.spi.threading;

import dev.pyconc.spi.exceptions.BaseException;

/**
 * The argument of {@code threading.excepthook}.
 *
 * @param excType qualified Python name of the exception class, e.g. {@code builtins.ValueError}
 * @param excValue the exception, or null for None
 * @param hasTraceback whether {@code exc_traceback} is not None
 * @param thread the thread that raised it, or null for None
 * @see <a href="https://docs.python.org/3/library/threading.html#threading.excepthook">threading.excepthook</a>
 */
public record ExceptHookArgs(String excType, BaseException excValue, boolean hasTraceback, PyThread thread) {}
