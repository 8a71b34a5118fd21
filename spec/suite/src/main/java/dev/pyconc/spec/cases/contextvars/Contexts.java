package dev.pyconc.spec.cases.contextvars;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import java.util.function.Supplier;

/** Small helpers for the cases: run Java code inside a context, ask whether a variable has a value. */
final class Contexts {
    private Contexts() {}

    /** {@code ctx.run(body)}, ignoring what it returns. */
    static void run(Context ctx, Runnable body) {
        ctx.run(PyCallable.of(body));
    }

    /** A value no case sets: what {@link #hasValue} passes as get()'s default. */
    private static final String UNSET = "<pyconc: no value>";

    /**
     * Whether {@code var} has a value in the current context, read with {@code var.get(default)} rather than
     * through get()'s LookupError, so that a case about contexts does not rest on that error path.
     */
    static boolean hasValue(ContextVar var) {
        return !UNSET.equals(var.get(UNSET));
    }

    /** {@code ctx.run(body)}, returning what {@code body} returned. */
    static Object call(Context ctx, Supplier<Object> body) {
        return ctx.run((args, kwargs) -> body.get());
    }
}
