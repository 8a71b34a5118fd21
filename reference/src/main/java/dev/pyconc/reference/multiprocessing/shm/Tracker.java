package dev.pyconc.reference.multiprocessing.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of CPython's {@code multiprocessing.resource_tracker} that {@link SharedMemory} uses, kept in this JVM:
 * names registered by tracked blocks ({@code register(name, "shared_memory")}) and not unregistered by
 * {@link SharedMemory#unlink()} are unlinked when the JVM shuts down, with CPython's warning on stderr
 * ({@code resource_tracker: There appear to be N leaked shared_memory objects to clean up at shutdown}).
 *
 * <p>CPython's tracker is a separate process that learns the end of its parent from a closed pipe, so it also
 * cleans up after a parent killed by SIGKILL; this one is a shutdown hook and does not. Like CPython's, it keeps
 * one entry per name, whatever the number of registrations.
 */
public final class Tracker {
    private static final Set<String> NAMES = new LinkedHashSet<>();
    private static boolean hooked;

    private Tracker() {}

    /** {@code resource_tracker.register(name, "shared_memory")}; {@code name} with its leading slash. */
    public static synchronized void register(String name) {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Tracker::cleanUp, "shared_memory tracker"));
        }
        NAMES.add(name);
    }

    /** {@code resource_tracker.unregister(name, "shared_memory")}: no clean-up at exit for that name. */
    public static synchronized void unregister(String name) {
        NAMES.remove(name);
    }

    /** The names that would be unlinked at shutdown now (with their leading slash). */
    public static synchronized List<String> registered() {
        return new ArrayList<>(NAMES);
    }

    private static void cleanUp() {
        List<String> names = registered();
        if (names.isEmpty()) {
            return;
        }
        System.err.println("UserWarning: resource_tracker: There appear to be " + names.size()
                + " leaked shared_memory objects to clean up at shutdown: " + names);
        unlink(names);
    }

    /**
     * Unlinks every block registered now, silently: what the reference's multiprocessing does at the end of each
     * case with the blocks the case's objects left tracked (the JVM's exit does the same, with CPython's warning).
     */
    public static void unlinkAll() {
        List<String> names = registered();
        unlink(names);
        synchronized (Tracker.class) {
            NAMES.removeAll(names);
        }
    }

    private static void unlink(List<String> names) {
        for (String n : names) {
            try {
                Files.deleteIfExists(SharedMemory.file(n));
            } catch (IOException | RuntimeException e) {
                System.err.println("UserWarning: resource_tracker: " + n + ": " + e);
            }
        }
    }
}
