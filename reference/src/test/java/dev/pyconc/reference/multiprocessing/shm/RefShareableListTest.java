package dev.pyconc.reference.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.IndexError;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.UnicodeDecodeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ShareableList port on its own: formats, types, limits and errors as CPython 3.14 gives them. */
class RefShareableListTest {
    private final List<RefShareableList> made = new ArrayList<>();
    private final OwnBlocks own = new OwnBlocks();

    @AfterEach
    void clean() throws InterruptedException {
        for (RefShareableList l : made) {
            l.shm().close();
            l.shm().unlink();
        }
        own.assertGone();
    }

    private RefShareableList list(Object... items) {
        RefShareableList l = RefShareableList.create(Arrays.asList(items), null);
        own.add(l.shm().name());
        made.add(l);
        return l;
    }

    @Test
    void storesEachTypeWithCPythonsFormats() {
        RefShareableList l = list(1L, 2.0, true, "ab", PyBytes.utf8("c\0"), null);
        assertEquals("qdxxxxxxx?8s8sxxxxxx?x", l.format());
        assertEquals(Arrays.asList(1L, 2.0, true, "ab", PyBytes.utf8("c"), null), items(l), "trailing NULs dropped");
        assertEquals(6, l.len());
        assertEquals(166, l.shm().size(), "CPython's size for this list");
    }

    private static List<Object> items(RefShareableList l) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.len(); i++) {
            out.add(l.get(i));
        }
        return out;
    }

    @Test
    void assignmentChangesTypeWithinTheSlot() {
        RefShareableList l = list(1L, 2.0, true, "ab", PyBytes.utf8("c"), null);
        l.set(3, null);
        assertEquals("qdxxxxxxx?xxxxxx?x8sxxxxxx?x", l.format());
        assertNull(l.get(3));
        l.set(3, "xyz");
        assertEquals("qdxxxxxxx?8s8sxxxxxx?x", l.format(), "a str gets the whole slot back");
        l.set(0, "abc");
        assertEquals("8sdxxxxxxx?8s8sxxxxxx?x", l.format());
        l.set(0, PyBytes.utf8("abcdefgh"));
        assertEquals(PyBytes.utf8("abcdefgh"), l.get(0));
        ValueError e = assertThrows(ValueError.class, () -> l.set(0, PyBytes.utf8("abcdefghi")));
        assertEquals("bytes/str item exceeds available storage", e.getMessage());
        assertEquals(PyBytes.utf8("abcdefgh"), l.get(0), "left as it was");
        l.set(-1, 7L);
        assertEquals(7L, l.get(5));
    }

    @Test
    void errorsAreCPythons() {
        RefShareableList l = list(1L, 2L, 3L);
        assertEquals("index out of range", assertThrows(IndexError.class, () -> l.get(3)).getMessage());
        assertEquals("assignment index out of range", assertThrows(IndexError.class, () -> l.set(3, 1L)).getMessage());
        assertThrows(IndexError.class, () -> l.get(-4), "deliberately not CPython's double normalization");
        TypeError t = assertThrows(TypeError.class, () -> l.slice(1L, 3L));
        assertEquals("'>=' not supported between instances of 'slice' and 'int'", t.getMessage());
        KeyError k = assertThrows(KeyError.class, () -> l.set(0, List.of(1L)));
        assertEquals("<class 'list'>", k.getMessage());
        PyException s = assertThrows(PyException.class, () -> l.set(0, BigInteger.TWO.pow(64)));
        assertEquals("struct.error", s.pythonName());
        assertEquals("q", l.format().substring(0, 1));
        assertEquals(1L, l.get(0), "nothing written");
        l.set(0, BigInteger.valueOf(-5));
        assertEquals(-5L, l.get(0));
        assertThrows(KeyError.class, () -> RefShareableList.create(List.of(List.of()), null));
        assertThrows(PyException.class, () -> RefShareableList.create(List.of(BigInteger.TWO.pow(63)), null));
        assertEquals("ShareableList.index(x): x not in list", assertThrows(ValueError.class, () -> l.index(99L)).getMessage());
    }

    @Test
    void countAndIndexUsePythonEquality() {
        RefShareableList l = list(1L, true, 1.0, "1", PyBytes.utf8("howdy"), null);
        assertEquals(3, l.count(1L), "1 == True == 1.0");
        assertEquals(1, l.count(PyBytes.utf8("howdy")));
        assertEquals(0, l.count(PyBytes.utf8("HoWdY")));
        assertEquals(1, l.count(null));
        assertEquals(0, l.index(true));
        assertEquals(3, l.index("1"));
    }

    @Test
    void strSlotsAreSizedInCharactersAndCutWhenTheEncodingIsLonger() {
        RefShareableList l = list("\u20ac".repeat(7), "a\0", "");
        assertEquals("8s8s8s", l.format());
        assertThrows(UnicodeDecodeError.class, () -> l.get(0), "21 bytes cut to 8 end mid-character");
        assertEquals("a", l.get(1));
        assertEquals("", l.get(2));
        assertEquals(91, l.shm().size(), "8 + 4 * 8 + 3 * 8 + 3 * 8 + 3");
    }

    @Test
    void emptyAttachAndRebuild() {
        RefShareableList e = list();
        assertEquals(0, e.len());
        assertEquals("", e.format());
        assertEquals(16, e.shm().size());
        RefShareableList l = list("x", 5L);
        RefShareableList a = RefShareableList.attach(l.shm().name(), false);
        RefShareableList r = (RefShareableList) Rebuilders.rebuild(l.reduce());
        try {
            a.set(1, 6L);
            assertEquals(6L, l.get(1));
            assertEquals(6L, r.get(1));
            assertEquals(2, r.len());
        } finally {
            a.shm().close();
            r.shm().close();
        }
    }

    @Test
    void aSlotOfTenMillionBytesIsRefusedAsCPythonsAssertDoes() {
        byte[] big = new byte[9_999_992];
        assertThrows(PyAssertionError.class, () -> RefShareableList.create(List.of(PyBytes.of(big)), null));
        assertThrows(PyAssertionError.class, () -> RefShareableList.create(List.of("\u00e9".repeat(9_999_992)), null),
                "a str is measured in characters");
        assertEquals("9999992s", list(PyBytes.of(big, 0, big.length - 1)).format());
    }

    @Test
    void closedShmMakesItemsUnreachable() {
        RefShareableList l = RefShareableList.create(List.of(1L), null);
        own.add(l.shm().name());
        l.shm().close();
        try {
            assertThrows(TypeError.class, () -> l.get(0));
        } finally {
            l.shm().unlink();
        }
    }
}
