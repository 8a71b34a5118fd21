package dev.pyconc.spec.cases.shared_memory;

import dev.pyconc.spi.exceptions.BufferError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What the shared_memory cases share: names no other run uses, and clean-up that never hides the case's failure. */
final class Blocks {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Blocks() {}

    /** A name for a new block: {@code pyconc_} and 12 hex digits (under macOS's 31-character limit too). */
    static String freshName() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "pyconc_" + HexFormat.of().formatHex(b);
    }

    /** Closes each instance (null ones skipped), ignoring what close raises, so that clean-up goes on. */
    static void close(SharedMemory... instances) {
        for (SharedMemory s : instances) {
            if (s == null) {
                continue;
            }
            try {
                s.close();
            } catch (BufferError | IllegalStateException e) {
                // a view the case left exported: the block is still unlinked below
            }
        }
    }

    /** Closes every instance, then unlinks the block of the first one unless it is gone already. */
    static void release(SharedMemory... instances) {
        close(instances);
        for (SharedMemory s : instances) {
            if (s != null) {
                unlink(s);
                return;
            }
        }
    }

    /** Closes and unlinks the block of a ShareableList (null skipped). */
    static void release(ShareableList l) {
        if (l != null) {
            release(l.shm());
        }
    }

    /** Unlinks {@code s}'s block, unless it is gone already. */
    static void unlink(SharedMemory s) {
        try {
            s.unlink();
        } catch (FileNotFoundError e) {
            // the case unlinked it
        }
    }

    /** Unlinks the block called {@code name} if one exists (attaching untracked to reach it). */
    static void unlinkName(SharedMemoryModule sm, String name) {
        SharedMemory s;
        try {
            s = sm.sharedMemory(name, false, 0);
        } catch (FileNotFoundError e) {
            return;
        }
        release(s);
    }
}
