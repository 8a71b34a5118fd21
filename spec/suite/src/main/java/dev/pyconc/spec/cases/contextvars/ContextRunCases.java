package dev.pyconc.spec.cases.contextvars;

import static dev.pyconc.spec.cases.contextvars.Contexts.hasValue;
import static dev.pyconc.spec.cases.contextvars.Contexts.call;
import static dev.pyconc.spec.cases.contextvars.Contexts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ZeroDivisionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases for {@code Context.run} in one thread: arguments and result, entering, exiting, the context stack. */
@PyCase
class ContextRunCases {

    /** run() passes positional and keyword arguments through and returns the callable's result. */
    @Test
    @Checks("contextvars.Context.run/returns-callable-result")
    void runPassesArgumentsAndReturnsResult(ContextVarsModule cv) {
        Context ctx = cv.context();
        Object r = ctx.run((args, kwargs) -> List.of(args, kwargs), List.of(1L, "x"), Map.of("k", 2L));
        assertEquals(List.of(List.of(1L, "x"), Map.of("k", 2L)), r);
        Object counts = ctx.run((args, kwargs) -> List.of((long) args.size(), (long) kwargs.size()));
        assertEquals(List.of(0L, 0L), counts, "run(callable) calls it without arguments");
        assertNull(ctx.run((args, kwargs) -> null));
    }

    /** An exception from the callable comes out of run() as the same exception type. */
    @Test
    @Checks("contextvars.Context.run/propagates-exception")
    void runPropagatesException(ContextVarsModule cv) {
        Context ctx = cv.context();
        assertThrows(ZeroDivisionError.class, () -> run(ctx, () -> {
            throw new ZeroDivisionError("division by zero");
        }));
    }

    /** Inside run(), get() sees the context's values and set() changes the context, which keeps the change. */
    @Test
    @Checks("contextvars.Context.run/callable-runs-in-context")
    void callableRunsInTheContext(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var", "default");
        Context ctx = cv.context();
        var.set("outer");
        assertEquals("default", call(ctx, var::get), "a new context does not see the outer value");
        run(ctx, () -> var.set("inner"));
        assertEquals("inner", ctx.getItem(var));
        assertEquals("inner", call(ctx, var::get));
        Context copy = cv.copyContext();
        assertEquals("outer", call(copy, var::get), "a copy of the current context sees its values");
    }

    /** After run() returns, the previous context is current again: changes made inside do not show. */
    @Test
    @Checks("contextvars.Context.run/exit-restores-previous-context")
    void exitRestoresPreviousContext(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        ContextVar other = cv.contextVar("other");
        var.set("outer");
        Context ctx = cv.copyContext();
        run(ctx, () -> {
            var.set("inner");
            other.set(1L);
        });
        assertEquals("outer", var.get());
        assertFalse(hasValue(other));
        assertEquals("inner", ctx.getItem(var));
    }

    /** Also when the callable raised, the previous context is current again and the context can be re-entered. */
    @Test
    @Checks("contextvars.Context.run/exit-restores-on-exception")
    void exitRestoresOnException(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        var.set("outer");
        Context ctx = cv.context();
        assertThrows(ZeroDivisionError.class, () -> run(ctx, () -> {
            var.set("inner");
            throw new ZeroDivisionError("boom");
        }));
        assertEquals("outer", var.get(), "the context must be exited although the callable raised");
        assertEquals("inner", ctx.getItem(var), "what was set before the exception stays in the context");
        assertEquals("inner", call(ctx, var::get), "the context must be free to enter again");
        assertEquals("outer", var.get());
    }

    /** run() of a second context inside run() stacks them; returning pops back to the outer one. */
    @Test
    @Checks("contextvars.Context.run/nested-contexts-stack")
    void nestedContextsStack(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        Context one = cv.context();
        Context two = cv.context();
        run(one, () -> var.set(1L));
        run(two, () -> var.set(2L));
        List<Object> seen = new ArrayList<>();
        run(one, () -> {
            seen.add(var.get());
            run(two, () -> {
                seen.add(var.get());
                var.set(3L);
                seen.add(var.get());
            });
            seen.add(var.get());
            var.set(4L);
        });
        assertEquals(List.of(1L, 2L, 3L, 1L), seen);
        assertEquals(4L, one.getItem(var));
        assertEquals(3L, two.getItem(var));
        assertFalse(hasValue(var));
    }

    /** A context exited earlier can be entered again, with the values its earlier runs set. */
    @Test
    @Checks("contextvars.Context.run/reentry-sees-earlier-changes")
    void reentrySeesEarlierChanges(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        Context ctx = cv.context();
        run(ctx, () -> var.set(1L));
        assertFalse(hasValue(var));
        assertEquals(1L, call(ctx, () -> {
            Object before = var.get();
            var.set(2L);
            return before;
        }));
        assertEquals(2L, call(ctx, var::get));
    }

    /** run() of a context inside its own run() raises RuntimeError; the outer run goes on in the context. */
    @Test
    @Checks("contextvars.Context.run/already-entered-raises-runtimeerror")
    void enteringAnEnteredContextRaises(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        Context ctx = cv.context();
        List<Object> calledInside = new ArrayList<>();
        List<Class<?>> raised = new ArrayList<>();
        run(ctx, () -> {
            var.set(1L);
            try {
                run(ctx, () -> calledInside.add("called"));
            } catch (RuntimeError e) {
                raised.add(e.getClass());
            }
            var.set(2L);
        });
        assertEquals(List.of(RuntimeError.class), raised);
        assertEquals(List.of(), calledInside, "the refused run() must not call its callable");
        assertEquals(2L, ctx.getItem(var), "the outer run must still be in its context after the refusal");
        assertFalse(cv.copyContext().contains(var));
        assertEquals(2L, call(ctx, var::get), "after the outer run the context must be free again");
    }
}
