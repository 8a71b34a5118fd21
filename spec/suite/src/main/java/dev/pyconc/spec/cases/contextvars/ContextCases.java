package dev.pyconc.spec.cases.contextvars;

import static dev.pyconc.spec.cases.contextvars.Contexts.call;
import static dev.pyconc.spec.cases.contextvars.Contexts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code Context()}, {@code copy_context()}, {@code Context.copy()} and the mapping methods. The
 * documentation promises no iteration order, so lists are compared as sets or counted.
 */
@PyCase
class ContextCases {

    /** Three variables inside a fresh context: a = 1, b = None, c unset but with a default. */
    private record Abc(ContextVar a, ContextVar b, ContextVar c, Context ctx) {
        static Abc make(ContextVarsModule cv) {
            Abc x = new Abc(cv.contextVar("a"), cv.contextVar("b"), cv.contextVar("c", 9L), cv.context());
            run(x.ctx, () -> {
                x.a.set(1L);
                x.b.set(null);
            });
            return x;
        }
    }

    /** Context() holds nothing, even while the current context holds values. */
    @Test
    @Checks("contextvars.Context/new-is-empty")
    void newContextIsEmpty(ContextVarsModule cv) {
        ContextVar var = cv.contextVar("var", 3L);
        var.set(1L);
        Context ctx = cv.context();
        assertEquals(0L, ctx.len());
        assertFalse(ctx.contains(var));
        assertEquals(List.of(), ctx.iterate());
        assertEquals(List.of(), ctx.keys());
        assertEquals(List.of(), ctx.values());
        assertEquals(List.of(), ctx.items());
        assertNull(ctx.get(var));
        assertEquals(3L, call(ctx, var::get), "inside the new context only the default is left");
    }

    /** copy_context() holds the current values; later set() calls in the current context do not reach it. */
    @Test
    @Checks("contextvars.copy_context/copies-current-values")
    void copyContextSnapshotsCurrentValues(ContextVarsModule cv) {
        ContextVar a = cv.contextVar("a");
        ContextVar b = cv.contextVar("b");
        ContextVar late = cv.contextVar("late");
        run(cv.context(), () -> {
            a.set(1L);
            b.set("x");
            Context copy = cv.copyContext();
            assertEquals(2L, copy.len());
            assertEquals(1L, copy.getItem(a));
            assertEquals("x", copy.getItem(b));
            a.set(2L);
            late.set(3L);
            assertEquals(1L, copy.getItem(a), "the copy must not follow the current context");
            assertFalse(copy.contains(late));
            assertEquals(2L, copy.len());
        });
        Context outside = cv.copyContext();
        assertFalse(outside.contains(a), "the copy outside run() is of the outer context");
    }

    /** var in ctx: True for a value (None included), False without one, whatever the default. */
    @Test
    @Checks("contextvars.Context/contains-variable-with-value")
    void containsChecksForAValue(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        assertTrue(x.ctx.contains(x.a));
        assertTrue(x.ctx.contains(x.b), "a value of None is a value");
        assertFalse(x.ctx.contains(x.c), "a default is not a value");
        assertFalse(x.ctx.contains(cv.contextVar("a")), "another variable with the same name is another key");
    }

    /** ctx[var] is the held value, None included. */
    @Test
    @Checks("contextvars.Context/getitem-returns-value")
    void getItemReturnsValue(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        assertEquals(1L, x.ctx.getItem(x.a));
        assertNull(x.ctx.getItem(x.b));
    }

    /** ctx[var] without a value raises KeyError, also for a variable with a default. */
    @Test
    @Checks("contextvars.Context/getitem-missing-raises-keyerror")
    void getItemWithoutValueRaisesKeyError(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        assertThrows(KeyError.class, () -> x.ctx.getItem(x.c));
        assertThrows(KeyError.class, () -> cv.context().getItem(x.a));
    }

    /** ctx.get(var) is the held value or None. */
    @Test
    @Checks("contextvars.Context.get/value-or-none")
    void getReturnsValueOrNone(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        assertEquals(1L, x.ctx.get(x.a));
        assertNull(x.ctx.get(x.b));
        assertNull(x.ctx.get(x.c), "Context.get ignores the variable's own default");
    }

    /** ctx.get(var, default) is the held value if there is one (None included), else default. */
    @Test
    @Checks("contextvars.Context.get/default-when-missing")
    void getWithDefault(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        assertEquals(1L, x.ctx.get(x.a, "d"));
        assertNull(x.ctx.get(x.b, "d"), "a held None wins over the default argument");
        assertEquals("d", x.ctx.get(x.c, "d"));
        assertNull(x.ctx.get(x.c, null));
    }

    /** iter(ctx) yields each variable with a value once, as the same objects. */
    @Test
    @Checks("contextvars.Context/iter-yields-variables")
    void iterYieldsVariables(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        List<ContextVar> it = x.ctx.iterate();
        assertEquals(2, it.size(), String.valueOf(it));
        assertEquals(Set.of(x.a, x.b), new HashSet<>(it));
    }

    /** len(ctx) counts variables with a value; setting one again does not change it, a new one adds one. */
    @Test
    @Checks("contextvars.Context/len-counts-variables")
    void lenCountsVariables(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        assertEquals(2L, x.ctx.len());
        run(x.ctx, () -> x.a.set(5L));
        assertEquals(2L, x.ctx.len());
        run(x.ctx, () -> x.c.set(9L));
        assertEquals(3L, x.ctx.len());
    }

    /** keys() yields the variables with a value, as the same objects. */
    @Test
    @Checks("contextvars.Context.keys/variables")
    void keysAreVariables(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        List<ContextVar> keys = x.ctx.keys();
        assertEquals(2, keys.size(), String.valueOf(keys));
        assertEquals(Set.of(x.a, x.b), new HashSet<>(keys), "the keys should be the very variables");
    }

    /** values() yields one value per variable. */
    @Test
    @Checks("contextvars.Context.values/values")
    void valuesAreValues(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        List<Object> values = new ArrayList<>(x.ctx.values());
        assertEquals(2, values.size(), String.valueOf(values));
        assertTrue(values.contains(1L) && values.contains(null), String.valueOf(values));
    }

    /** items() yields (variable, value) pairs that agree with ctx[var]. */
    @Test
    @Checks("contextvars.Context.items/variable-value-pairs")
    void itemsArePairs(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        List<Map.Entry<ContextVar, Object>> items = x.ctx.items();
        assertEquals(2, items.size(), String.valueOf(items));
        Map<ContextVar, Object> seen = new HashMap<>();
        for (Map.Entry<ContextVar, Object> e : items) {
            seen.put(e.getKey(), e.getValue());
        }
        Map<ContextVar, Object> expected = new HashMap<>();
        expected.put(x.a, 1L);
        expected.put(x.b, null);
        assertEquals(expected, seen);
    }

    /** copy() has the same values; later changes in the original or in the copy stay where they were made. */
    @Test
    @Checks("contextvars.Context.copy/independent-copy")
    void copyIsIndependent(ContextVarsModule cv) {
        Abc x = Abc.make(cv);
        Context copy = x.ctx.copy();
        assertEquals(2L, copy.len());
        assertEquals(1L, copy.getItem(x.a));
        assertTrue(copy.contains(x.b));
        run(x.ctx, () -> x.a.set(2L));
        assertEquals(1L, copy.getItem(x.a), "a change in the original must not reach the copy");
        run(copy, () -> {
            x.a.set(3L);
            x.c.set(4L);
        });
        assertEquals(2L, x.ctx.getItem(x.a), "a change in the copy must not reach the original");
        assertFalse(x.ctx.contains(x.c));
        assertEquals(Arrays.asList(3L, 4L), Arrays.asList(copy.getItem(x.a), copy.getItem(x.c)));
    }

    /**
     * copy() is shallow: the copy holds the very object the original holds (an Event, a mutable object of the
     * adapter), so setting the Event through the copy's value is seen through the original's.
     */
    @Test
    @Checks("contextvars.Context.copy/shallow")
    void copyIsShallow(ContextVarsModule cv, ThreadingModule threading) {
        Event event = threading.event();
        ContextVar var = cv.contextVar("var");
        Context ctx = cv.context();
        run(ctx, () -> var.set(event));
        Context copy = ctx.copy();
        assertSame(event, copy.getItem(var), "the copy's value is not the original's object");
        assertSame(ctx.getItem(var), copy.getItem(var));
        ((Event) copy.getItem(var)).set();
        assertTrue(((Event) ctx.getItem(var)).isSet(), "a change through the copy's value is not seen in the original's");
    }
}
