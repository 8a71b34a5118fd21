package dev.pyconc.reference.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.BufferError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.shared_memory.MemoryView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SPI face of a block: buf as a memoryview, slices as exports that hold off close, unlink, reduction. */
class RefSharedMemoryTest {
    private final RefSharedMemoryModule module = new RefSharedMemoryModule();
    private final OwnBlocks own = new OwnBlocks();

    @AfterEach
    void clean() throws InterruptedException {
        own.assertGone();
    }

    private dev.pyconc.spi.shared_memory.SharedMemory made(dev.pyconc.spi.shared_memory.SharedMemory s) {
        own.add(s.name());
        return s;
    }

    @Test
    void bufReadsWritesAndSlicesLikeAMemoryview() {
        var s = made(module.sharedMemory(null, true, 16));
        try {
            MemoryView b = s.buf();
            assertEquals(16, b.len());
            assertEquals(PyBytes.of(new byte[16]), b.read(0, 16), "zero-filled");
            b.write(2, PyBytes.utf8("abc"));
            assertEquals(PyBytes.utf8("abc"), b.read(2, 3));
            assertEquals(PyBytes.utf8("c"), b.read(-14 + 2, 1), "negative offsets count from the end");
            assertEquals(PyBytes.of(new byte[2]), b.read(14, 10), "clamped as a slice");
            assertThrows(ValueError.class, () -> b.write(14, PyBytes.utf8("xyz")), "a clamped slice cannot take 3 bytes");
            MemoryView sl = s.buf().slice(2, 5);
            assertEquals(3, sl.len());
            assertEquals(PyBytes.utf8("abc"), sl.read(0, 3));
            sl.write(0, PyBytes.utf8("X"));
            assertEquals(PyBytes.utf8("Xbc"), b.read(2, 3), "a slice writes the same memory");
            sl.release();
            assertThrows(ValueError.class, sl::len, "released");
        } finally {
            s.close();
            s.unlink();
        }
    }

    @Test
    void closeRaisesBufferErrorWhileASliceIsExportedAndBufIsNoneAnyway() {
        var s = made(module.sharedMemory(null, true, 16));
        try {
            MemoryView sl = s.buf().slice(1, 4);
            MemoryView inner = sl.slice(0, 1);
            BufferError e = assertThrows(BufferError.class, s::close);
            assertEquals("cannot close exported pointers exist", e.getMessage());
            assertNull(s.buf(), "buf is released before the mapping refuses to close");
            sl.write(0, PyBytes.utf8("k"));
            assertEquals(PyBytes.utf8("k"), inner.read(0, 1), "the slices still work");
            sl.release();
            assertThrows(BufferError.class, s::close, "a slice of a slice is an export too");
            inner.release();
            inner.release();
            s.close();
            assertThrows(ValueError.class, () -> sl.read(0, 1));
            s.close();
        } finally {
            s.unlink();
        }
    }

    @Test
    void unlinkTwiceRaisesFileNotFoundErrorAndAttachAfterUnlinkToo() {
        var s = made(module.sharedMemory(null, true, 8));
        s.close();
        s.unlink();
        assertThrows(FileNotFoundError.class, s::unlink);
        assertThrows(FileNotFoundError.class, () -> module.sharedMemory(s.name(), false, 0));
    }

    @Test
    void reducesByNameAndRebuildsAnAttachedInstance() {
        var s = made(module.sharedMemory(null, true, 32));
        try {
            s.buf().write(0, PyBytes.utf8("shared"));
            Reduction r = ((RefSharedMemory) s).reduce();
            assertEquals(RefSharedMemory.KIND, r.kind());
            assertEquals(List.of(s.name(), false, 32L), r.state());
            var t = (RefSharedMemory) Rebuilders.rebuild(r);
            assertNotNull(t);
            try {
                assertEquals(s.name(), t.name());
                assertEquals(32, t.size());
                assertEquals(PyBytes.utf8("shared"), t.buf().read(0, 6));
                assertFalse(t.block().track(), "the rebuilt instance does not track");
            } finally {
                t.close();
            }
        } finally {
            s.close();
            s.unlink();
        }
    }

    @Test
    void trackFalseDoesNotRegister() {
        var s = made(module.sharedMemory(null, true, 8, false));
        try {
            assertTrue(!Tracker.registered().contains("/" + s.name()));
        } finally {
            s.close();
            s.unlink();
        }
    }
}
