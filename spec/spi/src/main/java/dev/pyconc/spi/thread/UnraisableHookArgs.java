package dev.pyconc.spi.thread;

import dev.pyconc.spi.exceptions.BaseException;

/**
 * The argument of {@code sys.unraisablehook} (a subset: the traceback is left out). Java names of the Python
 * attributes: {@code exc_type} is {@code excType}, {@code exc_value} {@code excValue}, {@code err_msg}
 * {@code errMsg}, {@code object} {@code object}.
 *
 * @param excType qualified Python name of the exception class, e.g. {@code builtins.ValueError}
 * @param excValue the exception, or null for None (or when it is no Python exception)
 * @param errMsg the error message, or null for None (the default hook then uses its own wording)
 * @param object the object the exception came from, or null for None; what it is varies: for
 *     {@code start_new_thread} CPython 3.11 gives the function, 3.14 None (naming the function in
 *     {@code err_msg} instead)
 * @see <a href="https://docs.python.org/3/library/sys.html#sys.unraisablehook">sys.unraisablehook</a>
 */
public record UnraisableHookArgs(String excType, BaseException excValue, String errMsg, Object object) {}
