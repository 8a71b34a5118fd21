package dev.pyconc.spec.cases.shared_memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.IndexError;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases for {@code ShareableList}: the types it stores, its fixed length and slots, lookup, and its block. */
@PyCase
class ShareableListCases {
    private static List<Object> items(ShareableList l) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < l.len(); i++) {
            out.add(l.get(i));
        }
        return out;
    }

    /** int (64-bit extremes included), float, bool, str, bytes and None read back with the same type and value. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/stores-supported-types")
    void storesSupportedTypes(SharedMemoryModule sm) {
        List<Object> values = Arrays.asList(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1.5, true, false, "h\u00e9llo w\u00f6rld",
                PyBytes.utf8("bytes"), null, "", 1e300);
        ShareableList l = sm.shareableList(values, null);
        try {
            assertEquals(values, items(l));
            assertInstanceOf(Boolean.class, l.get(4), "a bool stays a bool, not an int");
            assertInstanceOf(Long.class, l.get(2));
            assertInstanceOf(PyBytes.class, l.get(7));
        } finally {
            Blocks.release(l);
        }
    }

    /** Assigning an int outside 64 signed bits raises struct.error in CPython. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/int-outside-64-bit-fails")
    void intOutside64Bits(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(List.of(1L), null);
        try {
            PyException e = assertThrows(PyException.class, () -> l.set(0, BigInteger.TWO.pow(63)));
            assertEquals("struct.error", e.pythonName());
            PyException f = assertThrows(PyException.class, () -> l.set(0, BigInteger.TWO.pow(63).add(BigInteger.ONE).negate()));
            assertEquals("struct.error", f.pythonName());
        } finally {
            Blocks.release(l);
        }
    }

    /** CPython raises KeyError (naming the type) for an item of an unsupported type, in a new list or by assignment. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/unsupported-type-fails")
    void unsupportedType(SharedMemoryModule sm) {
        String name = Blocks.freshName();
        ShareableList l = sm.shareableList(List.of(1L), null);
        try {
            KeyError e = assertThrows(KeyError.class, () -> l.set(0, List.of(1L)));
            assertTrue(e.getMessage().contains("list"), e.getMessage());
            assertThrows(KeyError.class, () -> sm.shareableList(List.of(List.of(1L)), name));
            assertEquals(1L, l.get(0));
        } finally {
            Blocks.release(l);
            Blocks.unlinkName(sm, name);
        }
    }

    /** A str and a bytes item of a few MiB (well below 10M bytes) are stored and read back whole. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/str-bytes-below-10m")
    void largeItems(SharedMemoryModule sm) {
        int n = 3 * 1024 * 1024;
        byte[] raw = new byte[n];
        for (int i = 0; i < n; i++) {
            raw[i] = (byte) ('a' + i % 26);
        }
        String s = new String(raw, java.nio.charset.StandardCharsets.US_ASCII);
        ShareableList l = sm.shareableList(Arrays.asList(s, PyBytes.of(raw)), null);
        try {
            assertEquals(s, l.get(0));
            assertEquals(PyBytes.of(raw), l.get(1));
        } finally {
            Blocks.release(l);
        }
    }

    /** In CPython a str or bytes of 9,999,992 bytes is refused with AssertionError, and one of 9,999,991 is stored in a 9,999,992-byte slot. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/str-bytes-limit-assertionerror")
    void limitAssertionError(SharedMemoryModule sm) {
        String refused = Blocks.freshName();
        byte[] big = new byte[9_999_992];
        Arrays.fill(big, (byte) 'x');
        ShareableList ok = null;
        try {
            assertThrows(PyAssertionError.class, () -> sm.shareableList(List.of(PyBytes.of(big)), refused));
            ok = sm.shareableList(List.of(PyBytes.of(big, 0, big.length - 1)), null);
            assertEquals("9999992s", ok.format(), "the largest slot CPython accepts (read back through format, not 10 MB)");
        } finally {
            Blocks.release(ok);
            Blocks.unlinkName(sm, refused);
        }
    }

    /** len() stays what it was at creation, whatever values are assigned. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/fixed-length")
    void fixedLength(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(1L, "two", null), null);
        try {
            assertEquals(3, l.len());
            l.set(0, "one");
            l.set(1, 2L);
            l.set(2, 3.0);
            assertEquals(3, l.len());
            assertEquals(Arrays.asList("one", 2L, 3.0), items(l));
        } finally {
            Blocks.release(l);
        }
    }

    /** Slicing a ShareableList raises TypeError rather than making a new list. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/no-slicing")
    void noSlicing(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(1L, 2L, 3L), null);
        try {
            assertThrows(TypeError.class, () -> l.slice(1L, 3L));
            assertThrows(TypeError.class, () -> l.slice(null, null));
            assertEquals(3, l.len());
        } finally {
            Blocks.release(l);
        }
    }

    /** An item takes a value of another supported type that fits its slot: int to str, str to float, bool to None. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/item-assignment-any-type")
    void assignmentAnyType(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(1L, "word", true, PyBytes.utf8("b")), null);
        try {
            l.set(0, "abc");
            l.set(1, 2.5);
            l.set(2, null);
            l.set(3, 7L);
            assertEquals(Arrays.asList("abc", 2.5, null, 7L), items(l));
            l.set(1, "back");
            assertEquals("back", l.get(1));
        } finally {
            Blocks.release(l);
        }
    }

    /** A str or bytes longer than the slot raises ValueError and the item keeps its old value. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/too-long-str-or-bytes-valueerror")
    void tooLong(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList("ab", PyBytes.utf8("cd")), null);
        try {
            String longStr = "x".repeat(1000);
            assertThrows(ValueError.class, () -> l.set(0, longStr));
            assertThrows(ValueError.class, () -> l.set(1, PyBytes.utf8(longStr)));
            assertEquals("ab", l.get(0));
            assertEquals(PyBytes.utf8("cd"), l.get(1));
        } finally {
            Blocks.release(l);
        }
    }

    /** Items are read and assigned by index, negative ones from the end; an index past the end raises IndexError. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/indexing-like-list")
    void indexing(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(10L, 20L, 30L), null);
        try {
            assertEquals(10L, l.get(0));
            assertEquals(30L, l.get(-1));
            assertEquals(10L, l.get(-3));
            l.set(-2, 21L);
            assertEquals(21L, l.get(1));
            assertThrows(IndexError.class, () -> l.get(3));
            assertThrows(IndexError.class, () -> l.set(3, 1L));
            assertThrows(IndexError.class, () -> l.get(100));
        } finally {
            Blocks.release(l);
        }
    }

    /** Reading a str or bytes item gives back the value, or the value without its trailing NULs; inner NULs stay. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/trailing-nul-stripped")
    void trailingNul(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(PyBytes.of((byte) 'a', (byte) 0, (byte) 'b', (byte) 0), "c\0d\0\0"), null);
        try {
            Object b = l.get(0);
            assertTrue(b.equals(PyBytes.of((byte) 'a', (byte) 0, (byte) 'b', (byte) 0)) || b.equals(PyBytes.of((byte) 'a', (byte) 0, (byte) 'b')), String.valueOf(b));
            Object s = l.get(1);
            assertTrue(s.equals("c\0d\0\0") || s.equals("c\0d"), String.valueOf(s));
        } finally {
            Blocks.release(l);
        }
    }

    /** ShareableList(name=n) attaches the existing list: its items, and assignments through either are seen by both. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/attach-by-name")
    void attachByName(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(1L, "one", null), Blocks.freshName());
        ShareableList a = null;
        try {
            a = sm.shareableList(null, l.shm().name());
            assertEquals(Arrays.asList(1L, "one", null), items(a));
            a.set(0, 2L);
            assertEquals(2L, l.get(0));
            l.set(1, "two");
            assertEquals("two", a.get(1));
        } finally {
            if (a != null) {
                Blocks.close(a.shm());
            }
            Blocks.release(l);
        }
    }

    /** In CPython ShareableList() with neither sequence nor name makes a new, empty list. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList/none-sequence-no-name-empty")
    void emptyList(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(null, null);
        try {
            assertEquals(0, l.len());
            assertThrows(IndexError.class, () -> l.get(0));
            assertFalse(l.shm().name().isEmpty());
        } finally {
            Blocks.release(l);
        }
    }

    /** count(value) counts the items equal to value, with bytes and str compared exactly. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList.count/occurrences")
    void count(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(PyBytes.utf8("howdy"), PyBytes.utf8("HoWdY"), PyBytes.utf8("howdy"),
                "howdy", 3L, 3L, 3L), null);
        try {
            assertEquals(2, l.count(PyBytes.utf8("howdy")));
            assertEquals(1, l.count(PyBytes.utf8("HoWdY")));
            assertEquals(1, l.count("howdy"));
            assertEquals(3, l.count(3L));
            assertEquals(0, l.count("absent"));
        } finally {
            Blocks.release(l);
        }
    }

    /** index(value) is the position of the first item equal to value. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList.index/first-position")
    void index(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList("a", 2L, "b", 2L, null), null);
        try {
            assertEquals(0, l.index("a"));
            assertEquals(1, l.index(2L));
            assertEquals(2, l.index("b"));
            assertEquals(4, l.index(null));
        } finally {
            Blocks.release(l);
        }
    }

    /** index(value) raises ValueError when no item equals value. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList.index/missing-valueerror")
    void indexMissing(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList("a", 2L), null);
        try {
            assertThrows(ValueError.class, () -> l.index("c"));
            assertThrows(ValueError.class, () -> l.index(PyBytes.utf8("a")));
        } finally {
            Blocks.release(l);
        }
    }

    /** format is a non-empty struct format string for stored items, and changes when an item's type changes. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList.format/struct-format")
    void format(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(1L, "s"), null);
        try {
            String before = l.format();
            assertFalse(before.isEmpty());
            assertEquals(before, l.format(), "the same items, the same format");
            l.set(0, 1.5);
            assertNotEquals(before, l.format());
        } finally {
            Blocks.release(l);
        }
    }

    /** shm is the block holding the items: it attaches by name, and once closed and unlinked the list is gone. */
    @Test
    @Checks("multiprocessing.shared_memory.ShareableList.shm/backing-shared-memory")
    void shm(SharedMemoryModule sm) {
        ShareableList l = sm.shareableList(Arrays.asList(1L, "one"), null);
        SharedMemory same = null;
        try {
            SharedMemory s = l.shm();
            assertTrue(s.size() > 0);
            same = sm.sharedMemory(s.name(), false, 0);
            assertEquals(s.size(), same.size());
            same.close();
            same = null;
            s.close();
            s.unlink();
            assertThrows(FileNotFoundError.class, () -> sm.shareableList(null, s.name()));
        } finally {
            Blocks.close(same);
            Blocks.release(l);
        }
    }
}
