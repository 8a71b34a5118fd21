package dev.pyconc.spec.cases.contextvars;

import static dev.pyconc.spec.cases.contextvars.Contexts.hasValue;
import static dev.pyconc.spec.cases.contextvars.Contexts.call;
import static dev.pyconc.spec.cases.contextvars.Contexts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.PyContextManager.Held;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;
import dev.pyconc.spi.contextvars.Token;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code ContextVar.reset} and {@code contextvars.Token}: attributes, single use, context manager. */
@PyCase
class TokenCases {

    /** reset(token) brings back the value from just before the set() that made the token, step by step. */
    @Test
    @Checks("contextvars.ContextVar.reset/restores-previous-value")
    void resetRestoresPreviousValue(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        var.set(1L);
        Token t2 = var.set(2L);
        Token t3 = var.set(3L);
        var.reset(t3);
        assertEquals(2L, var.get());
        var.reset(t2);
        assertEquals(1L, var.get());
    }

    /** Resetting the first set() leaves the variable without a value: get() raises or gives the default. */
    @Test
    @Checks("contextvars.ContextVar.reset/restores-no-value")
    void resetOfFirstSetRemovesValue(ContextVarsModule cv) {
        ContextVar plain = cv.contextVar("plain");
        ContextVar withDefault = cv.contextVar("withDefault", 9L);
        Context ctx = cv.context();
        run(ctx, () -> {
            Token tp = plain.set(1L);
            Token td = withDefault.set(2L);
            assertEquals(2L, ctx.len());
            plain.reset(tp);
            withDefault.reset(td);
            assertFalse(hasValue(plain));
            assertEquals(9L, withDefault.get());
            assertFalse(ctx.contains(plain), "reset must remove the value, not store the default");
            assertFalse(ctx.contains(withDefault));
            assertEquals(0L, ctx.len());
        });
    }

    /** A second reset with the same token raises RuntimeError and changes nothing. */
    @Test
    @Checks("contextvars.ContextVar.reset/used-token-raises-runtimeerror")
    void usedTokenRaises(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        var.set(1L);
        Token t = var.set(2L);
        var.reset(t);
        assertThrows(RuntimeError.class, () -> var.reset(t));
        assertEquals(1L, var.get());
        var.set(3L);
        assertThrows(RuntimeError.class, () -> var.reset(t));
        assertEquals(3L, var.get(), "a refused reset must not change the value");
    }

    /** A token of another variable is refused with ValueError; neither variable changes, the token stays usable. */
    @Test
    @Checks("contextvars.ContextVar.reset/other-variable-token-raises-valueerror")
    void otherVariablesTokenRaises(ContextVarsModule cv) {
        ContextVar v1 = cv.contextVar("same-name");
        ContextVar v2 = cv.contextVar("same-name");
        Token t1 = v1.set(1L);
        v2.set(2L);
        assertThrows(ValueError.class, () -> v2.reset(t1));
        assertEquals(1L, v1.get());
        assertEquals(2L, v2.get());
        v1.reset(t1);
        assertFalse(hasValue(v1));
    }

    /** A token made inside Context.run is refused outside it, and one made outside is refused inside. */
    @Test
    @Checks("contextvars.ContextVar.reset/other-context-token-raises-valueerror")
    void otherContextsTokenRaises(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        Context ctx = cv.context();
        Token inner = (Token) call(ctx, () -> var.set(1L));
        assertThrows(ValueError.class, () -> var.reset(inner));
        Token outer = var.set(2L);
        run(ctx, () -> {
            assertThrows(ValueError.class, () -> var.reset(outer));
            assertEquals(1L, var.get());
        });
        assertEquals(2L, var.get());
        run(ctx, () -> var.reset(inner)); // in its own context the token still works
        assertFalse(ctx.contains(var));
    }

    /**
     * A token made in another thread (whose context differs) is refused with ValueError. (That the other
     * thread's set() is not seen here, per-thread-current-context, is checked by ContextThreadCases.)
     */
    @Test
    @Checks("contextvars.ContextVar.reset/other-context-token-raises-valueerror")
    void otherThreadsTokenRaises(ContextVarsModule cv, Harness h) {
        ContextVar var = cv.contextVar("var");
        AtomicReference<Token> made = new AtomicReference<>();
        h.join(h.start("setter", () -> made.set(var.set(1L))));
        assertThrows(ValueError.class, () -> var.reset(made.get()));
        assertFalse(hasValue(var));
    }

    /** Token.var is the variable whose set() made the token, and not another variable of the same name. */
    @Test
    @Checks("contextvars.Token.var/is-the-variable")
    void tokenVarIsTheVariable(ContextVarsModule cv) {
        ContextVar a = cv.contextVar("n");
        ContextVar b = cv.contextVar("n");
        Token ta = a.set(1L);
        Token tb = b.set(1L);
        assertEquals(a, ta.var());
        assertEquals(b, tb.var());
        assertNotEquals(a, tb.var());
    }

    /** Token.old_value is the value just before the set(), None included. */
    @Test
    @Checks("contextvars.Token.old_value/previous-value")
    void oldValueIsPreviousValue(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        var.set("first");
        assertEquals("first", var.set(2L).oldValue());
        assertEquals(2L, var.set(null).oldValue());
        assertEquals(null, var.set(3L).oldValue());
    }

    /** old_value is Token.MISSING, one marker object, when there was no value; a default does not count. */
    @Test
    @Checks("contextvars.Token.old_value/missing-when-unset")
    void oldValueIsMissingWhenUnset(ContextVarsModule cv) {
        Object missing = cv.missing();
        assertEquals(missing, cv.missing(), "Token.MISSING must be the same object each time");
        Token plain = cv.contextVar("plain").set(1L);
        Token withDefault = cv.contextVar("withDefault", 5L).set(1L);
        assertEquals(missing, plain.oldValue());
        assertEquals(missing, withDefault.oldValue(), "the variable's default is not an old value");
        ContextVar v = cv.contextVar("v");
        v.set(1L);
        assertNotEquals(missing, v.set(2L).oldValue());
    }

    /** A with block of a token left by an exception resets the variable and lets the exception through. */
    @Test
    @Checks("contextvars.Token/context-manager-resets-on-exception")
    void tokenAsContextManagerResetsOnException(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        run(cv.context(), () -> {
            var.set("before");
            ValueError boom = new ValueError("raised inside the with block");
            Token token = var.set("inside");
            assertSame(boom, assertThrows(ValueError.class, () -> token.with(() -> {
                assertEquals("inside", var.get());
                throw boom;
            })), "the token's __exit__ must let the block's exception through unchanged");
            assertEquals("before", var.get(), "leaving the block by an exception must reset the variable too");
        });
    }

    /** with var.set(v): v inside the block, the previous state (value, default or none) after it. */
    @Test
    @Checks("contextvars.Token/context-manager-resets-on-exit")
    void tokenAsContextManagerResets(ContextVarsModule cv) {
        ContextVar withDefault = cv.contextVar("withDefault", 42L);
        ContextVar plain = cv.contextVar("plain");
        run(cv.context(), () -> {
            try (Held held = withDefault.set(36L).enter()) {
                assertEquals(36L, withDefault.get());
                withDefault.set(24L);
                withDefault.set(12L);
                assertEquals(12L, withDefault.get());
            }
            assertEquals(42L, withDefault.get(), "leaving the block resets to before its set(), later sets included");
            plain.set("before");
            try (Held held = plain.set("inside").enter()) {
                assertEquals("inside", plain.get());
            }
            assertEquals("before", plain.get());
        });
        run(cv.context(), () -> {
            try (Held held = plain.set(1L).enter()) {
                assertEquals(1L, plain.get());
            }
            assertFalse(hasValue(plain));
        });
    }

    /** Resetting with the token inside its own with block makes leaving the block raise RuntimeError. */
    @Test
    @Checks("contextvars.Token/context-manager-used-token-raises-runtimeerror")
    void tokenUsedInsideWithBlockRaisesOnExit(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var", 42L);
        Token t = var.set(36L);
        Held held = t.enter();
        assertEquals(36L, var.get());
        var.reset(t);
        assertEquals(42L, var.get());
        assertThrows(RuntimeError.class, held::close);
        assertEquals(42L, var.get());
    }

    /** Assigning a token's var or old_value raises AttributeError and leaves both as they were. */
    @Test
    @Checks("contextvars.Token/attributes-read-only")
    void attributesAreReadOnly(Adapter adapter, ContextVarsModule cv) {
        ContextVar var = cv.contextVar("pyconc_var");
        ContextVar other = cv.contextVar("pyconc_other");
        run(cv.context(), () -> {
            var.set(1L);
            Token token = var.set(2L);
            assertThrows(AttributeError.class, () -> adapter.builtins().setattr(token, "var", other));
            assertThrows(AttributeError.class, () -> adapter.builtins().setattr(token, "old_value", 5L));
            assertSame(var, token.var());
            assertEquals(1L, token.oldValue());
        });
    }
}
