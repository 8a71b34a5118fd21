package dev.pyconc.spec.harness;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** Full Java thread dumps (ThreadInfo.toString cuts stacks at 8 frames). */
public final class ThreadDumps {
    private ThreadDumps() {}

    /** Every live JVM thread with its whole stack and the lock it waits for. */
    public static String all() {
        StringBuilder sb = new StringBuilder();
        for (ThreadInfo ti : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            sb.append('"').append(ti.getThreadName()).append("\" ").append(ti.getThreadState());
            LockInfo li = ti.getLockInfo();
            if (li != null) {
                sb.append(" on ").append(li);
            }
            if (ti.getLockOwnerName() != null) {
                sb.append(" owned by \"").append(ti.getLockOwnerName()).append('"');
            }
            sb.append('\n');
            for (StackTraceElement e : ti.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One thread's state and stack. */
    public static String stackOf(Thread t) {
        StringBuilder sb = new StringBuilder("\"" + t.getName() + "\" " + t.getState() + "\n");
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("    at ").append(e).append('\n');
        }
        return sb.toString();
    }
}
