/**
 * Python's exception hierarchy as unchecked Java exceptions.
 *
 * <p>Each class keeps the Python name and Python's parent, so {@code assertThrows(RuntimeError.class, ...)}
 * accepts a {@link dev.pyconc.spi.exceptions.BrokenBarrierError} exactly as {@code except RuntimeError}
 * would in Python. Three Python names clash with {@code java.lang} and get a {@code Py} prefix:
 * {@code Exception} is {@link dev.pyconc.spi.exceptions.PyException}, {@code AssertionError} is
 * {@link dev.pyconc.spi.exceptions.PyAssertionError}; every other class keeps its Python name.
 *
 * <p>{@link dev.pyconc.spi.exceptions.BaseException#pythonName()} is the qualified name of the Python class
 * that was really raised (for example {@code _queue.Empty} or {@code builtins.ZeroDivisionError}); an adapter
 * that receives a Python exception with no Java class of its own maps it to the nearest Java class along its
 * method resolution order with {@link dev.pyconc.spi.exceptions.PyExceptions#fromPython}.
 *
 * <p>Java callbacks handed to an adapter (a Thread target, a Barrier action, ...) may throw these types;
 * the adapter raises the matching Python exception on the Python side.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#exception-hierarchy">Exception hierarchy</a>
 */
package dev.pyconc.spi.exceptions;
