package dev.pyconc.reference.posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks the Java threads that are inside a call of the reference that may block in the kernel ({@code read},
 * {@code write}, {@code poll}, {@code waitpid}, {@code sem_timedwait}, or a Java wait standing for one, such as
 * waiting for another thread's {@code waitpid}), the way CPython releases the GIL around them, so that
 * {@code Adapter.isBlocked} can say whether a thread is blocked in one of them. {@code subprocess} and
 * {@code multiprocessing} share this one registry. Use it as
 * {@code SysCalls.begin(); try { call(); } finally { SysCalls.end(); }}; marks nest (the thread stays
 * marked until its outermost {@code end}).
 *
 * <p> A thread in native code is RUNNABLE to Java; whether it is really asleep in the kernel is read from
 * {@code /proc/self/task/TID/stat} (state S or D), so a thread that has only just entered the call does not
 * count as blocked.
 */
public final class SysCalls {
    private static final ConcurrentHashMap<Thread, Integer> IN_CALL = new ConcurrentHashMap<>();
    private static final ThreadLocal<Integer> TID = ThreadLocal.withInitial(() -> Posix.C.gettid());

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private SysCalls() {}

    /** The calling thread enters a call that may block. */
    public static void begin() {
        if (DEPTH.get()[0]++ == 0) {
            IN_CALL.put(Thread.currentThread(), TID.get());
        }
    }

    /** The calling thread has left it (each {@link #begin()} is paired with one {@code end}). */
    public static void end() {
        int[] d = DEPTH.get();
        if (d[0] > 0 && --d[0] == 0) {
            IN_CALL.remove(Thread.currentThread());
        }
    }

    /**
     * Whether {@code t} is inside such a call and asleep in the kernel (a thread in native code is RUNNABLE to
     * Java; a Java wait inside a mark is WAITING, and its kernel state is S as well).
     */
    public static boolean isBlocked(Thread t) {
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
