package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.spi.exceptions.FileNotFoundError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The semaphore names this JVM created and has not unlinked yet: the part of CPython's resource tracker that
 * concerns semaphores ({@code register(name, "semaphore")} in {@code synchronize.SemLock.__init__}, and the
 * {@code util.Finalize(..., SemLock._cleanup, exitpriority=0)} that unlinks the name when the object is collected
 * or the process exits). Here the tracker is a JVM shutdown hook, not a separate process: a JVM killed by SIGKILL
 * leaks its names, as a CPython whose tracker was killed does.
 */
public final class SemNames {
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private SemNames() {}

    /** Registers {@code name} for unlinking at exit. */
    static void register(String name) {
        if (!hooked) {
            synchronized (SemNames.class) {
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(SemNames::unlinkAll, "pyconc-semaphore-tracker"));
                    hooked = true;
                }
            }
        }
        NAMES.add(name);
    }

    /** {@code SemLock._cleanup(name)}: unlinks {@code name} if this JVM still has it registered; a second call does nothing. */
    static void cleanup(String name) {
        if (NAMES.remove(name)) {
            try {
                SemLock.unlink(name);
            } catch (FileNotFoundError gone) {
                // someone else unlinked it: nothing left to do
            }
        }
    }

    /** The names registered now. */
    static List<String> registered() {
        return new ArrayList<>(NAMES);
    }

    /**
     * Unlinks every name registered now, as the JVM's exit does; the reference's multiprocessing also calls it at
     * the end of each case, so that no semaphore a case made waits for garbage collection to lose its name.
     * Processes that have a semaphore open keep using it; only opening it by name fails afterwards.
     */
    public static void unlinkAll() {
        for (String name : registered()) {
            cleanup(name);
        }
    }
}
