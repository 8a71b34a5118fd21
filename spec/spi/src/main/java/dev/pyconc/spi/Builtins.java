package dev.pyconc.spi;

import java.util.List;

/**
 * The few built-in functions that ask about the Python type of an object: {@code isinstance},
 * {@code type(obj).__mro__} and whether a name denotes a class. Reached through {@link Adapter#builtins()}.
 *
 * <p>Classes are named by their qualified Python name, {@code module.qualname}, as Python spells the place the
 * name is looked up: {@code "threading.Lock"}, {@code "queue.Queue"}, {@code "builtins.int"}. A name is
 * resolved as Python code would resolve it: the longest importable module prefix, then attribute look-ups;
 * so {@code "threading.Lock"} is whatever object {@code threading.Lock} is in that Python version (a class
 * since 3.13, a factory function before). The objects asked about are those the adapter returned (a Lock, a
 * Thread, a Queue, ...) or plain values (see {@link dev.pyconc.spi}).
 *
 * @see <a href="https://docs.python.org/3/library/functions.html#isinstance">isinstance</a>
 * @see <a href="https://docs.python.org/3/library/stdtypes.html#class.__mro__">class.__mro__</a>
 */
public interface Builtins {
    /**
     * {@code isinstance(obj, C)} where {@code C} is the object named {@code className}.
     *
     * @param obj an object this adapter returned, or a plain value
     * @param className qualified name, e.g. {@code "threading.Event"}
     * @return whether {@code obj} is an instance of that class or of a subclass
     * @throws dev.pyconc.spi.exceptions.TypeError if the name denotes something that is not a class (Python:
     *     {@code isinstance() arg 2 must be a type...})
     * @throws dev.pyconc.spi.exceptions.AttributeError if the module has no such attribute
     * @see <a href="https://docs.python.org/3/library/functions.html#isinstance">isinstance</a>
     */
    boolean isinstance(Object obj, String className);

    /**
     * {@code isinstance(C, type)} where {@code C} is the object named {@code name}: whether the name denotes a
     * class (rather than, say, a factory function).
     *
     * @param name qualified name, e.g. {@code "threading.RLock"}
     * @throws dev.pyconc.spi.exceptions.AttributeError if the module has no such attribute
     */
    boolean isClass(String name);

    /**
     * {@code type(obj).__mro__}: the qualified names ({@code __module__ + "." + __qualname__}) of the
     * object's class and its bases, most derived first, ending with {@code "builtins.object"}. The names are
     * where the classes are defined, e.g. {@code "_thread.lock"} for a Lock in CPython 3.14.
     *
     * @param obj an object this adapter returned, or a plain value ({@code null} is None:
     *     {@code ["builtins.NoneType", "builtins.object"]})
     * @see <a href="https://docs.python.org/3/library/stdtypes.html#class.__mro__">class.__mro__</a>
     */
    List<String> typeMro(Object obj);

    /**
     * {@code setattr(obj, name, value)}: assigns an attribute, as {@code obj.name = value} does.
     *
     * @param obj an object this adapter returned
     * @param value a plain value or an object of this adapter
     * @throws dev.pyconc.spi.exceptions.AttributeError if the attribute is read-only, or the object takes no
     *     new attributes (no {@code __dict__})
     * @throws UnsupportedOperationException if the adapter does not implement it (the default)
     * @see <a href="https://docs.python.org/3/library/functions.html#setattr">setattr</a>
     */
    default void setattr(Object obj, String name, Object value) {
        throw new UnsupportedOperationException("this adapter does not implement setattr");
    }

    /**
     * {@code hasattr(obj, name)}: whether getting the attribute succeeds (a method counts).
     *
     * @param obj an object this adapter returned, or a plain value
     * @throws UnsupportedOperationException if the adapter does not implement it (the default)
     * @see <a href="https://docs.python.org/3/library/functions.html#hasattr">hasattr</a>
     */
    default boolean hasattr(Object obj, String name) {
        throw new UnsupportedOperationException("this adapter does not implement hasattr");
    }
}
