package dev.pyconc.spec.cases.contextvars;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.contextvars.Context;
import java.util.function.Supplier;

/** Small helpers for the cases: run Java code inside a context. */
final class Contexts {
    private Contexts() {}

    /** {@code ctx.run(body)}, ignoring what it returns. */
    static void run(Context ctx, Runnable body) {
        ctx.run(PyCallable.of(body));
    }

    /** {@code ctx.run(body)}, returning what {@code body} returned. */
    static Object call(Context ctx, Supplier<Object> body) {
        return ctx.run((args, kwargs) -> body.get());
    }
}
