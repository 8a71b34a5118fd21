package dev.pyconc.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.exceptions.TypeError;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A PyTuple is a List to Java and a tuple to {@link PyValues}. */
class PyTupleTest {
    @Test
    void javaEqualityIsThatOfAList() {
        PyTuple t = PyTuple.of(1L, "a");
        assertEquals(List.of(1L, "a"), t);
        assertEquals(t, List.of(1L, "a"));
        assertEquals(List.of(1L, "a").hashCode(), t.hashCode());
        assertEquals(Arrays.asList(1L, null), PyTuple.of(1L, null), "None items are allowed");
        assertThrows(UnsupportedOperationException.class, () -> t.set(0, 2L));
        assertEquals("(1, 'a')", t.toString());
        assertEquals("(1,)", PyTuple.of(1L).toString());
    }

    @Test
    void pythonEqualityAndOrderingAreThoseOfATuple() {
        assertTrue(PyValues.eq(PyTuple.of(1L, 2L), PyTuple.of(1.0, 2L)));
        assertFalse(PyValues.eq(PyTuple.of(1L), List.of(1L)), "(1,) == [1] is False");
        assertTrue(PyValues.compare(PyTuple.of(1L, "z"), PyTuple.of(2L, "a")) < 0);
        assertTrue(PyValues.compare(PyTuple.of(1L, "b"), PyTuple.of(1L, "a")) > 0);
        assertTrue(PyValues.compare(PyTuple.of(1L), PyTuple.of(1L, 0L)) < 0);
        assertThrows(TypeError.class, () -> PyValues.compare(PyTuple.of(1L), List.of(1L)));
        assertEquals("tuple", PyValues.typeName(PyTuple.of()));
        assertFalse(PyValues.truthy(PyTuple.of()));
    }
}
