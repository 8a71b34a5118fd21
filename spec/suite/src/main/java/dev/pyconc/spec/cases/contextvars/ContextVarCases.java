package dev.pyconc.spec.cases.contextvars;

import static dev.pyconc.spec.cases.contextvars.Contexts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.LookupError;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases for {@code contextvars.ContextVar}: name, get with and without defaults, set. */
@PyCase
class ContextVarCases {

    /** name is the string given to the constructor, with or without a default. */
    @Test
    @Checks("contextvars.ContextVar.name/given-name")
    void nameIsConstructorArgument(ContextVarsModule cv) {
        assertEquals("alpha", cv.contextVar("alpha").name());
        assertEquals("beta", cv.contextVar("beta", 1L).name());
        assertEquals("", cv.contextVar("").name());
    }

    /** get() without any value or default raises LookupError, in any context. */
    @Test
    @Checks("contextvars.ContextVar.get/no-value-no-default-raises-lookuperror")
    void getWithoutValueOrDefaultRaises(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("nothing");
        assertThrows(LookupError.class, var::get);
        run(cv.context(), () -> assertThrows(LookupError.class, var::get));
        assertThrows(LookupError.class, var::get, "a failed get() must not create a value");
    }

    /** get() falls back to the variable's default, None included; the default is not stored anywhere. */
    @Test
    @Checks("contextvars.ContextVar.get/falls-back-to-variable-default")
    void getFallsBackToVariableDefault(ContextVarsModule cv) {
        ContextVar five = cv.contextVar("five", 5L);
        ContextVar none = cv.contextVar("none", null);
        assertEquals(5L, five.get());
        assertNull(none.get(), "a default of None is a default: get() must not raise");
        Context ctx = cv.context();
        run(ctx, () -> {
            assertEquals(5L, five.get());
            assertNull(none.get());
        });
        assertFalse(ctx.contains(five), "reading a default must not record a value");
        assertFalse(ctx.contains(none));
    }

    /** get(default) returns its argument when there is no value, winning over the variable's own default. */
    @Test
    @Checks("contextvars.ContextVar.get/argument-default-wins")
    void getArgumentWinsOverVariableDefault(ContextVarsModule cv) {
        ContextVar plain = cv.contextVar("plain");
        ContextVar withDefault = cv.contextVar("withDefault", 5L);
        assertEquals(7L, plain.get(7L));
        assertEquals(7L, withDefault.get(7L));
        assertNull(plain.get(null));
        assertNull(withDefault.get(null), "an explicit None argument also wins over the variable's default");
        assertEquals("x", withDefault.get("x"));
    }

    /** With a value set, get() and get(default) return it, for variables with and without a default. */
    @Test
    @Checks("contextvars.ContextVar.get/value-wins-over-defaults")
    void valueWinsOverDefaults(ContextVarsModule cv) {
        ContextVar plain = cv.contextVar("plain");
        ContextVar withDefault = cv.contextVar("withDefault", 5L);
        plain.set(1L);
        withDefault.set(2L);
        assertEquals(1L, plain.get());
        assertEquals(1L, plain.get(7L));
        assertEquals(2L, withDefault.get());
        assertEquals(2L, withDefault.get(7L));
        withDefault.set(null);
        assertNull(withDefault.get(), "a value of None is a value: the default must not show through");
        assertNull(withDefault.get(7L));
    }

    /** After set(v), get() returns v, for values of every plain type; each set replaces the previous value. */
    @Test
    @Checks("contextvars.ContextVar.set/value-visible-to-get")
    void setValueIsVisibleToGet(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var");
        for (Object v : Arrays.asList(1L, "two", 3.5, true, List.of(1L, "x"), Map.of("k", 2L), null, 0L)) {
            var.set(v);
            assertEquals(v, var.get());
        }
    }

    /** set() inside run() stores the value in the running Context object, which shows it as a mapping at once. */
    @Test
    @Checks("contextvars.ContextVar.set/recorded-in-current-context")
    void setIsRecordedInCurrentContext(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var", 0L);
        Context ctx = cv.context();
        run(ctx, () -> {
            assertFalse(ctx.contains(var));
            var.set(1L);
            assertTrue(ctx.contains(var), "the value must be in the entered Context at once");
            assertEquals(1L, ctx.getItem(var));
            var.set(2L);
            assertEquals(2L, ctx.getItem(var));
        });
        assertEquals(2L, ctx.getItem(var));
        assertEquals(1L, ctx.len());
    }

    /** Assigning a ContextVar's name raises AttributeError and the name stays what the constructor gave. */
    @Test
    @Checks("contextvars.ContextVar.name/read-only")
    void nameIsReadOnly(Adapter adapter, ContextVarsModule cv, Harness h) {
        ContextVar var = cv.contextVar("pyconc_var");
        // "Read-only" presumes a readable name: without one, setattr would raise AttributeError for another reason.
        h.dependsOn("contextvars.ContextVar.name/given-name", () -> assertEquals("pyconc_var", var.name()));
        assertThrows(AttributeError.class, () -> adapter.builtins().setattr(var, "name", "renamed"));
        assertEquals("pyconc_var", var.name());
    }
}
