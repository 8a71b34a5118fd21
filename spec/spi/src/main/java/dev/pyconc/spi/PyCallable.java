package dev.pyconc.spi;

import java.util.List;
import java.util.Map;

/**
 * A Python callable implemented in Java: a Thread target, a Timer function, a Barrier action.
 *
 * <p>The adapter calls it on the Python thread that Python calls it on (for an adapter driving a real
 * interpreter, on the Java thread partnered with that Python thread). It may call back into the adapter and
 * may throw a {@link dev.pyconc.spi.exceptions.BaseException} subclass, which the adapter raises in Python.
 */
@FunctionalInterface
public interface PyCallable {
    /**
     * Calls the function.
     *
     * @param args positional arguments, plain values (see {@link dev.pyconc.spi}); never null
     * @param kwargs keyword arguments, plain values; never null
     * @return a plain value, or null for None
     */
    @Blocking
    Object call(List<Object> args, Map<String, Object> kwargs);

    /**
     * The callable's {@code __name__}, which Python reads for example to name a Thread after its target;
     * null (the default) means the callable has no {@code __name__} attribute.
     */
    default String name() {
        return null;
    }

    /** {@code body} with {@code __name__} set to {@code name}. */
    static PyCallable named(String name, PyCallable body) {
        return new PyCallable() {
            @Override
            public Object call(List<Object> args, Map<String, Object> kwargs) {
                return body.call(args, kwargs);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return "<Java callable " + name + ">";
            }
        };
    }

    /** A callable that runs {@code body}, ignores its arguments and returns None. */
    static PyCallable of(Runnable body) {
        return (args, kwargs) -> {
            body.run();
            return null;
        };
    }
}
