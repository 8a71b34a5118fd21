package dev.pyconc.reference.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.Hygiene;
import dev.pyconc.spi.exceptions.FileExistsError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.IndexError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.ValueError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SharedMemory in one process, against what CPython 3.14.3 and 3.11.2 were seen to do on this machine. */
@Timeout(60)
class SharedMemoryTest {
    private Set<String> before;
    private Set<Long> trackersBefore;

    @BeforeEach
    void snapshot() {
        before = Hygiene.devShm();
        trackersBefore = Hygiene.resourceTrackers();
    }

    @AfterEach
    void clean() throws InterruptedException {
        Hygiene.assertClean(before, trackersBefore);
    }

    @Test
    void createdBlockHasCPythonsNameSizeModeAndRepr() throws Exception {
        SharedMemory s = SharedMemory.create(10);
        try {
            assertTrue(s.name().matches("psm_[0-9a-f]{8}"), s.name());
            assertEquals(10, s.size(), "not rounded to pages on Linux");
            assertEquals("SharedMemory('" + s.name() + "', size=10)", s.toString());
            Path f = Path.of("/dev/shm", s.name());
            assertEquals(10, Files.size(f));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            assertEquals(10, s.buf().len());
            assertEquals(0, s.buf().get(9), "zero-filled");
            assertEquals(java.util.List.of("/" + s.name()), Tracker.registered());
            try (SharedMemory a = SharedMemory.attach(s.name(), false)) {
                assertEquals(10, a.size(), "attached: st_size too");
                s.buf().write(0, new byte[] {1, 2, 3});
                s.buf().set(-1, 255);
                assertArrayEquals(new byte[] {1, 2, 3}, a.buf().read(0, 3));
                assertEquals(255, a.buf().get(9));
                a.buf().putLong(1, 0x0102030405060708L);
                assertEquals(8, s.buf().get(1), "little-endian, as struct '<q'");
                assertEquals(0x0102030405060708L, s.buf().getLong(1));
            }
        } finally {
            s.close();
            s.unlink();
        }
        assertEquals(java.util.List.of(), Tracker.registered(), "unlink unregisters");
        assertNull(s.buf(), "buf is None after close");
        assertEquals(10, s.size(), "size survives close");
        s.close(); // twice: nothing
        FileNotFoundError e = assertThrows(FileNotFoundError.class, s::unlink);
        assertEquals("[Errno 2] No such file or directory: '/" + s.name() + "'", e.getMessage());
        assertEquals("/" + s.name(), e.filename());
    }

    @Test
    void errorsAsCPython() throws Exception {
        assertEquals("'size' must be a positive integer",
                assertThrows(ValueError.class, () -> new SharedMemory(null, true, -1, false)).getMessage());
        assertEquals("'size' must be a positive number different from zero",
                assertThrows(ValueError.class, () -> new SharedMemory(null, true, 0, false)).getMessage());
        assertEquals("'name' can only be None if create=True",
                assertThrows(ValueError.class, () -> new SharedMemory(null, false, 0, false)).getMessage());
        assertEquals("[Errno 2] No such file or directory: '/psm_nothere'",
                assertThrows(FileNotFoundError.class, () -> SharedMemory.attach("psm_nothere", false)).getMessage());
        assertEquals("[Errno 22] Invalid argument: '/a/b'",
                assertThrows(OSError.class, () -> SharedMemory.create("a/b", 1, false)).getMessage());
        assertEquals("[Errno 22] Invalid argument: '/'",
                assertThrows(OSError.class, () -> SharedMemory.create("", 1, false)).getMessage());
        assertEquals(22L, assertThrows(OSError.class, () -> SharedMemory.create("x".repeat(300), 1, false)).errno());
        String name = SharedMemory.makeFilename().substring(1);
        try (SharedMemory a = SharedMemory.create(name, 5, false)) {
            FileExistsError e = assertThrows(FileExistsError.class, () -> SharedMemory.create(name, 5, false));
            assertEquals("[Errno 17] File exists: '/" + name + "'", e.getMessage());
            try (SharedMemory b = new SharedMemory(name, false, 100, false)) {
                assertEquals(5, b.size(), "size is ignored when attaching");
            }
        } finally {
            SharedMemory.unlink(name);
        }
        Path empty = Path.of("/dev/shm", SharedMemory.makeFilename().substring(1));
        Files.createFile(empty);
        try {
            assertEquals("cannot mmap an empty file", assertThrows(ValueError.class,
                    () -> SharedMemory.attach(empty.getFileName().toString(), false)).getMessage());
            assertTrue(Files.exists(empty), "not unlinked: ValueError is no OSError");
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void viewAfterCloseIsAReleasedMemoryview() {
        SharedMemory s = SharedMemory.create(4);
        SharedMemory.Buffer b = s.buf();
        assertThrows(IndexError.class, () -> b.get(4));
        assertThrows(IndexError.class, () -> b.putLong(0, 1));
        assertThrows(ValueError.class, () -> b.set(0, 256));
        s.close();
        assertEquals("operation forbidden on released memoryview object",
                assertThrows(ValueError.class, () -> b.get(0)).getMessage());
        assertThrows(ValueError.class, () -> b.withByteBuffer(bb -> bb.get(0)));
        s.unlink();
        assertFalse(Files.exists(Path.of("/dev/shm", s.name())));
    }
}
