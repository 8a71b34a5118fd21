package dev.pyconc.spec.cases.shared_memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.Peer;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyVersion;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Interop: a shared memory block made by one implementation is attached by name by a second one (the
 * {@link Peer}: CPython when the reference is under test, the reference when CPython is), and bytes written on
 * either side are read on the other. Without a configured peer the cases are NOT_APPLICABLE.
 */
@PyCase
class SharedMemoryInteropCases {
    private static final int SIZE = 4096;

    /** Attaches {@code name} in {@code sm} without tracking where the version has {@code track} (3.13). */
    private static SharedMemory attach(SharedMemoryModule sm, PyVersion version, String name) {
        return version.atLeast(PyVersion.parse("3.13")) ? sm.sharedMemory(name, false, 0, false)
                : sm.sharedMemory(name, false, 0);
    }

    /** Seeded bytes written by {@code writer} at a seeded offset are read by {@code reader}. */
    private static void passes(Random rnd, SharedMemory writer, SharedMemory reader, String direction) {
        byte[] data = new byte[1 + rnd.nextInt(512)];
        rnd.nextBytes(data);
        long offset = rnd.nextInt(SIZE - data.length);
        writer.buf().write(offset, PyBytes.of(data));
        assertEquals(PyBytes.of(data), reader.buf().read(offset, data.length), direction);
    }

    private static void shareBothWays(Harness h, SharedMemoryModule creating, SharedMemoryModule attaching,
            PyVersion attachingVersion) {
        Random rnd = h.random();
        SharedMemory made = creating.sharedMemory(null, true, SIZE);
        SharedMemory seen = null;
        try {
            seen = attach(attaching, attachingVersion, made.name());
            assertEquals(made.name(), seen.name());
            assertTrue(seen.size() >= SIZE, "the attached block is smaller than the one made: " + seen.size());
            for (int i = 0; i < 4; i++) {
                passes(rnd, made, seen, "creator to attacher");
                passes(rnd, seen, made, "attacher to creator");
            }
        } finally {
            Blocks.close(seen);
            Blocks.release(made);
        }
    }

    /** A block this implementation makes is attached by name by the peer, and bytes pass both ways. */
    @Test
    @Checks({"multiprocessing.shared_memory.SharedMemory/attach-across-processes",
        "multiprocessing.shared_memory.SharedMemory/attach-by-name"})
    void madeHereAttachedThere(SharedMemoryModule sm, Peer peer, Harness h) {
        shareBothWays(h, sm, peer.module(SharedMemoryModule.class), peer.adapter().pythonVersion());
    }

    /** A block the peer makes is attached by name by this implementation, and bytes pass both ways. */
    @Test
    @Checks({"multiprocessing.shared_memory.SharedMemory/attach-across-processes",
        "multiprocessing.shared_memory.SharedMemory/attach-by-name"})
    void madeThereAttachedHere(SharedMemoryModule sm, dev.pyconc.spi.Adapter adapter, Peer peer, Harness h) {
        shareBothWays(h, peer.module(SharedMemoryModule.class), sm, adapter.pythonVersion());
    }
}
