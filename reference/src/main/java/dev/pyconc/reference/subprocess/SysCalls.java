package dev.pyconc.reference.subprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks the Java threads that are inside a blocking system call of this package ({@code read},
 * {@code write}, {@code poll}, {@code waitpid}, or waiting for another thread's {@code waitpid}), the way
 * CPython releases the GIL around them, so that the adapter can say whether a thread is blocked in one of its
 * calls. A thread in native code is RUNNABLE to Java; whether it is really asleep in the kernel is read from
 * {@code /proc/self/task/TID/stat} (state S or D), so a thread that has only just entered the call does not
 * count as blocked.
 */
final class SysCalls {
    private static final ConcurrentHashMap<Thread, Integer> IN_CALL = new ConcurrentHashMap<>();
    private static final ThreadLocal<Integer> TID = ThreadLocal.withInitial(() -> Native.SPAWN.gettid());

    private SysCalls() {}

    /** The calling thread enters a call that may block. */
    static void begin() {
        IN_CALL.put(Thread.currentThread(), TID.get());
    }

    /** The calling thread has left it. */
    static void end() {
        IN_CALL.remove(Thread.currentThread());
    }

    /** Whether {@code t} is inside such a call and asleep in the kernel. */
    static boolean isBlocked(Thread t) {
        Integer tid = IN_CALL.get(t);
        if (tid == null) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            int i = stat.lastIndexOf(')');
            char state = i >= 0 && i + 2 < stat.length() ? stat.charAt(i + 2) : '?';
            return (state == 'S' || state == 'D') && IN_CALL.get(t) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
