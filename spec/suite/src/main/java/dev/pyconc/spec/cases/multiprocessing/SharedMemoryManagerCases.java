package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.BufferError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.SharedMemoryManager;
import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code multiprocessing.managers.SharedMemoryManager}: its manager process, the blocks made through it
 * (attached again by name with {@code shared_memory.SharedMemory}; the default tracking, as track= is new in
 * 3.13), and their unlinking at shutdown or
 * at the end of its {@code with} block. Every block a case attaches is closed in its {@code finally}; the manager
 * is shut down there too, which unlinks the blocks made through it.
 */
@PyCase
class SharedMemoryManagerCases {
    /** Closes each instance (null skipped), ignoring a view left exported, so that clean-up goes on. */
    private static void close(SharedMemory... instances) {
        for (SharedMemory s : instances) {
            if (s != null) {
                try {
                    s.close();
                } catch (BufferError | IllegalStateException e) {
                    // the manager's shutdown still unlinks the block
                }
            }
        }
    }

    /** Shuts the manager down unless it was never started (CPython binds shutdown only at start). */
    private static void shutdownQuietly(SharedMemoryManager m) {
        try {
            m.shutdown();
        } catch (RuntimeException e) {
            // never started: nothing to stop
        }
    }

    private static void assertGone(SharedMemoryModule sm, String name) {
        assertThrows(FileNotFoundError.class, () -> close(sm.sharedMemory(name, false, 0)),
                "the block " + name + " is unlinked");
    }

    /**
     * start() starts another process, one of the current process's active children (alive, another pid) while
     * the manager runs; after shutdown() it is gone from them.
     */
    @Test
    @Checks("multiprocessing.managers.SharedMemoryManager/start-runs-manager-process")
    void startRunsManagerProcess(MultiprocessingModule mp) {
        List<PyProcess> before = mp.activeChildren();
        SharedMemoryManager m = mp.sharedMemoryManager();
        try {
            m.start();
            List<PyProcess> during = new ArrayList<>(mp.activeChildren());
            during.removeAll(before);
            assertEquals(1, during.size(), "one new child while the manager runs: " + during);
            PyProcess manager = during.get(0);
            assertTrue(manager.isAlive());
            assertNotNull(manager.pid());
            assertNotEquals(mp.currentProcess().pid(), manager.pid());
            m.shutdown();
            assertEquals(before.size(), mp.activeChildren().size(), "the manager process ended at shutdown()");
        } finally {
            shutdownQuietly(m);
        }
    }

    /**
     * SharedMemory(size) on a started manager returns a new block at least size bytes long, which another
     * instance attaches by name and sees the bytes written through the first.
     */
    @Test
    @Checks("multiprocessing.managers.SharedMemoryManager.SharedMemory/new-block-of-size")
    void sharedMemoryMakesBlockOfSize(MultiprocessingModule mp, SharedMemoryModule sm) {
        SharedMemoryManager m = mp.sharedMemoryManager();
        SharedMemory s = null;
        SharedMemory again = null;
        try {
            m.start();
            s = m.sharedMemory(100);
            assertTrue(s.size() >= 100, "size " + s.size());
            s.buf().write(0, PyBytes.utf8("made by the manager"));
            again = sm.sharedMemory(s.name(), false, 0);
            assertTrue(again.size() >= 100, "attached size " + again.size());
            assertEquals(PyBytes.utf8("made by the manager"), again.buf().read(0, 19));
        } finally {
            close(again, s);
            shutdownQuietly(m);
        }
    }

    /**
     * shutdown() unlinks both a SharedMemory and a ShareableList made through the manager: attaching their names
     * afterwards raises FileNotFoundError, though this process closed neither name's block itself.
     */
    @Test
    @Checks("multiprocessing.managers.SharedMemoryManager/shutdown-unlinks-blocks")
    void shutdownUnlinksBlocks(MultiprocessingModule mp, SharedMemoryModule sm) {
        SharedMemoryManager m = mp.sharedMemoryManager();
        SharedMemory s = null;
        ShareableList l = null;
        SharedMemory check = null;
        try {
            m.start();
            s = m.sharedMemory(32);
            l = m.shareableList(Arrays.asList(1L, "two"));
            check = sm.sharedMemory(l.shm().name(), false, 0);
            close(check);
            check = null;
            String blockName = s.name();
            String listName = l.shm().name();
            close(s, l.shm());
            m.shutdown();
            assertGone(sm, blockName);
            assertGone(sm, listName);
        } finally {
            close(check, s, l == null ? null : l.shm());
            shutdownQuietly(m);
        }
    }

    /** In a with block the manager is started on entry; the blocks made in it are unlinked when it ends. */
    @Test
    @Checks("multiprocessing.managers.SharedMemoryManager/with-releases-blocks")
    void withReleasesBlocks(MultiprocessingModule mp, SharedMemoryModule sm) {
        SharedMemoryManager m = mp.sharedMemoryManager();
        String[] name = new String[1];
        SharedMemory[] made = new SharedMemory[2];
        try {
            m.with(() -> {
                made[0] = m.sharedMemory(8); // no start(): entering started the manager
                name[0] = made[0].name();
                made[1] = sm.sharedMemory(name[0], false, 0);
                close(made[1], made[0]);
            });
            assertGone(sm, name[0]);
        } finally {
            close(made[1], made[0]);
            shutdownQuietly(m);
        }
    }

    /** SharedMemory() and ShareableList() on a manager never started raise ValueError in CPython. */
    @Test
    @Checks("multiprocessing.managers.SharedMemoryManager/methods-need-start")
    void methodsNeedStart(MultiprocessingModule mp) {
        SharedMemoryManager m = mp.sharedMemoryManager();
        SharedMemory[] s = new SharedMemory[1];
        try {
            ValueError e = assertThrows(ValueError.class, () -> s[0] = m.sharedMemory(16));
            assertTrue(String.valueOf(e.getMessage()).contains("address type of None unrecognized"), e.getMessage());
            assertThrows(ValueError.class, () -> m.shareableList(List.of(1L)));
        } finally {
            close(s[0]);
        }
    }

    /**
     * ShareableList(sequence) on a started manager holds the sequence's values, which a ShareableList attached
     * by the block's name reads too.
     */
    @Test
    @Checks("multiprocessing.managers.SharedMemoryManager.ShareableList/new-list-from-sequence")
    void shareableListHoldsValues(MultiprocessingModule mp, SharedMemoryModule sm) {
        List<Object> values = Arrays.asList(7L, -2.5, "text", PyBytes.utf8("raw"), true, null);
        SharedMemoryManager m = mp.sharedMemoryManager();
        ShareableList l = null;
        ShareableList again = null;
        try {
            m.start();
            l = m.shareableList(values);
            assertEquals(values, items(l));
            again = sm.shareableList(null, l.shm().name());
            assertEquals(values, items(again));
        } finally {
            close(again == null ? null : again.shm(), l == null ? null : l.shm());
            shutdownQuietly(m);
        }
    }

    private static List<Object> items(ShareableList l) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < l.len(); i++) {
            out.add(l.get(i));
        }
        return out;
    }
}
