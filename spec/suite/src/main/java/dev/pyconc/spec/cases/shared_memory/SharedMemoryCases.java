package dev.pyconc.spec.cases.shared_memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.BufferError;
import dev.pyconc.spi.exceptions.FileExistsError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.shared_memory.MemoryView;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import org.junit.jupiter.api.Test;

/** Cases for one process's use of {@code SharedMemory}: creating and attaching blocks, {@code buf}, close and unlink. */
@PyCase
class SharedMemoryCases {
    /** SharedMemory(create=True, size=n) makes a new block of at least n bytes that has a name. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/create-new-block")
    void createNewBlock(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 100);
        try {
            assertTrue(s.size() >= 100, "size " + s.size());
            assertNotNull(s.name());
            assertFalse(s.name().isEmpty());
        } finally {
            Blocks.release(s);
        }
    }

    /** Blocks created without a name get made-up names, different from each other. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/generated-name-when-none")
    void generatedNamesDiffer(SharedMemoryModule sm) {
        SharedMemory a = sm.sharedMemory(null, true, 8);
        SharedMemory b = null;
        try {
            b = sm.sharedMemory(null, true, 8);
            assertFalse(a.name().isEmpty());
            assertNotEquals(a.name(), b.name());
        } finally {
            Blocks.release(a);
            Blocks.release(b);
        }
    }

    /** A block created with a name reports exactly that name. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/explicit-name-create")
    void explicitName(SharedMemoryModule sm) {
        String name = Blocks.freshName();
        SharedMemory s = sm.sharedMemory(name, true, 16);
        try {
            assertEquals(name, s.name());
        } finally {
            Blocks.release(s);
        }
    }

    /** A second instance attached by name sees what the first writes, and the first sees what it writes. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/attach-by-name")
    void attachByNameSharesBytes(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 32);
        SharedMemory a = null;
        try {
            a = sm.sharedMemory(s.name(), false, 0);
            s.buf().write(0, PyBytes.utf8("from the creator"));
            assertEquals(PyBytes.utf8("from the creator"), a.buf().read(0, 16));
            a.buf().write(20, PyBytes.utf8("back"));
            assertEquals(PyBytes.utf8("back"), s.buf().read(20, 4));
        } finally {
            Blocks.close(a);
            Blocks.release(s);
        }
    }

    /** Attaching ignores the size argument: the instance has the existing block's size. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/attach-ignores-size")
    void attachIgnoresSize(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 64);
        SharedMemory a = null;
        SharedMemory b = null;
        try {
            a = sm.sharedMemory(s.name(), false, 1);
            b = sm.sharedMemory(s.name(), false, 4096);
            assertEquals(s.size(), a.size());
            assertEquals(s.size(), b.size());
        } finally {
            Blocks.close(a, b);
            Blocks.release(s);
        }
    }

    /** Creating a block under a name that exists raises FileExistsError. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/create-existing-name-fileexistserror")
    void createExistingName(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(Blocks.freshName(), true, 8);
        try {
            assertThrows(FileExistsError.class, () -> sm.sharedMemory(s.name(), true, 8));
        } finally {
            Blocks.release(s);
        }
    }

    /** Attaching a name no block has raises FileNotFoundError. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/attach-missing-filenotfounderror")
    void attachMissing(SharedMemoryModule sm) {
        String name = Blocks.freshName();
        try {
            assertThrows(FileNotFoundError.class, () -> sm.sharedMemory(name, false, 0));
        } finally {
            Blocks.unlinkName(sm, name);
        }
    }

    /** Creating with size 0 or a negative size raises ValueError. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/size-must-be-positive")
    void sizeMustBePositive(SharedMemoryModule sm) {
        String zero = Blocks.freshName();
        String negative = Blocks.freshName();
        try {
            assertThrows(ValueError.class, () -> sm.sharedMemory(zero, true, 0));
            assertThrows(ValueError.class, () -> sm.sharedMemory(negative, true, -1));
        } finally {
            Blocks.unlinkName(sm, zero);
            Blocks.unlinkName(sm, negative);
        }
    }

    /** CPython raises ValueError for attaching (create=False) without a name. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/attach-needs-name")
    void attachNeedsName(SharedMemoryModule sm) {
        assertThrows(ValueError.class, () -> sm.sharedMemory(null, false, 0));
        assertThrows(ValueError.class, () -> sm.sharedMemory(null, false, 16));
    }

    /** CPython on Linux reports exactly the size asked for, created or attached, not a whole page. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/size-may-round-up")
    void linuxSizeIsExact(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 10);
        SharedMemory a = null;
        try {
            a = sm.sharedMemory(s.name(), false, 0);
            assertEquals(10, s.size());
            assertEquals(10, a.size());
            assertEquals(10, s.buf().len());
        } finally {
            Blocks.close(a);
            Blocks.release(s);
        }
    }

    /** Before 3.13 SharedMemory takes no track argument: CPython raises TypeError for it. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/track-unknown-before-3-13")
    void trackUnknownBefore313(SharedMemoryModule sm) {
        String name = Blocks.freshName();
        try {
            assertThrows(TypeError.class, () -> sm.sharedMemory(name, true, 8, false));
        } finally {
            Blocks.unlinkName(sm, name);
        }
    }

    /** buf is a writable view of the whole block: its length is size and bytes written there read back. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.buf/memoryview-of-block")
    void bufIsAViewOfTheBlock(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 40);
        try {
            MemoryView b = s.buf();
            assertEquals(s.size(), b.len());
            b.write(0, PyBytes.utf8("first"));
            b.write(s.size() - 4, PyBytes.utf8("last"));
            assertEquals(PyBytes.utf8("first"), b.read(0, 5));
            assertEquals(PyBytes.utf8("last"), s.buf().read(s.size() - 4, 4));
        } finally {
            Blocks.release(s);
        }
    }

    /** A new block in CPython starts zero-filled. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.buf/zero-filled")
    void newBlockZeroFilled(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 64);
        try {
            assertEquals(PyBytes.of(new byte[64]), s.buf().read(0, 64));
        } finally {
            Blocks.release(s);
        }
    }

    /** name gives the block's unique name: two live blocks never share it, and attaching by it finds the same block. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.name/read-only-unique-name")
    void nameIsUnique(SharedMemoryModule sm) {
        SharedMemory a = sm.sharedMemory(null, true, 8);
        SharedMemory b = null;
        SharedMemory again = null;
        try {
            b = sm.sharedMemory(null, true, 8);
            assertNotEquals(a.name(), b.name());
            again = sm.sharedMemory(a.name(), false, 0);
            assertEquals(a.name(), again.name());
        } finally {
            Blocks.close(again);
            Blocks.release(a);
            Blocks.release(b);
        }
    }

    /** size is the block's number of bytes: buf holds exactly that many. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.size/read-only-byte-size")
    void sizeIsByteCount(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 123);
        try {
            assertTrue(s.size() >= 123);
            assertEquals(s.size(), s.buf().len());
            s.buf().write(s.size() - 1, PyBytes.of((byte) 7));
            assertEquals(PyBytes.of((byte) 7), s.buf().read(s.size() - 1, 1));
        } finally {
            Blocks.release(s);
        }
    }

    /** close() ends one instance's access only: another instance still reads the block, and it can be attached again. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.close/closes-this-instance")
    void closeKeepsTheBlock(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 16);
        SharedMemory a = null;
        SharedMemory b = null;
        try {
            a = sm.sharedMemory(s.name(), false, 0);
            s.buf().write(0, PyBytes.utf8("kept"));
            a.close();
            assertEquals(PyBytes.utf8("kept"), s.buf().read(0, 4));
            s.close();
            b = sm.sharedMemory(s.name(), false, 0);
            assertEquals(PyBytes.utf8("kept"), b.buf().read(0, 4));
        } finally {
            Blocks.close(a, b);
            Blocks.release(s);
        }
    }

    /** In CPython buf is None after close(), name stays readable, and a second close() does nothing. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.close/buf-none-after")
    void bufNoneAfterClose(SharedMemoryModule sm) {
        String name = Blocks.freshName();
        SharedMemory s = sm.sharedMemory(name, true, 16);
        try {
            s.close();
            assertNull(s.buf());
            assertEquals(name, s.name());
            s.close();
            assertNull(s.buf());
        } finally {
            Blocks.release(s);
        }
    }

    /** In CPython close() raises BufferError while a slice taken from buf is unreleased, and succeeds once it is released. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.close/exported-views-buffererror")
    void closeWithExportedSlice(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 16);
        MemoryView slice = null;
        try {
            slice = s.buf().slice(2, 6);
            assertThrows(BufferError.class, s::close);
            slice.release();
            slice = null;
            s.close();
            assertNull(s.buf());
        } finally {
            if (slice != null) {
                slice.release();
            }
            Blocks.release(s);
        }
    }

    /** After unlink() the name no longer attaches: FileNotFoundError. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.unlink/deletes-block")
    void unlinkDeletes(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 16);
        try {
            s.close();
            s.unlink();
            assertThrows(FileNotFoundError.class, () -> sm.sharedMemory(s.name(), false, 0));
        } finally {
            Blocks.unlink(s);
        }
    }

    /** One unlink() through any instance removes the block for all; a second one raises FileNotFoundError. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.unlink/once-per-block")
    void unlinkOnce(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 16);
        SharedMemory a = null;
        try {
            a = sm.sharedMemory(s.name(), false, 0);
            a.unlink();
            SharedMemory creator = s;
            assertThrows(FileNotFoundError.class, creator::unlink);
        } finally {
            Blocks.close(a);
            Blocks.release(s);
        }
    }

    /** unlink() may come before close(): the open instance still reads its bytes, and close() afterwards works. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory.unlink/any-order-with-close")
    void unlinkBeforeClose(SharedMemoryModule sm) {
        SharedMemory s = sm.sharedMemory(null, true, 16);
        SharedMemory t = sm.sharedMemory(null, true, 16);
        try {
            s.buf().write(0, PyBytes.utf8("still here"));
            s.unlink();
            assertEquals(PyBytes.utf8("still here"), s.buf().read(0, 10));
            s.close();
            t.close();
            t.unlink();
            assertThrows(FileNotFoundError.class, () -> sm.sharedMemory(t.name(), false, 0));
        } finally {
            Blocks.release(s);
            Blocks.release(t);
        }
    }
}
