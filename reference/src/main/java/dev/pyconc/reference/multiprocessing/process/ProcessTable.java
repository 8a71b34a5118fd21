package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.PyBytes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What CPython's {@code multiprocessing.process} keeps per OS process: {@code _current_process} (the
 * {@code MainProcess}, or in a child the process object the parent started), {@code _parent_process},
 * {@code _process_counter} (the N of {@code Process-N}, from 1 in every process) and {@code _children} (the
 * started children not yet reaped by {@code active_children()}, {@code is_alive()} or {@code join()}).
 *
 * <p>At JVM exit (a shutdown hook) the daemonic children still running are terminated, as CPython's
 * {@code util._exit_function}; the other children are left to the owner's clean-up (the adapter kills what a
 * case left) or, in a child JVM, joined by {@link ChildMain} before it exits.
 */
public final class ProcessTable {
    private static final AtomicLong COUNTER = new AtomicLong(1);
    private static final Set<RefProcess> CHILDREN = ConcurrentHashMap.newKeySet();
    private static volatile RefProcess current;
    private static volatile RefProcess parent;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessTable::atExit, "pyconc-mp-exit"));
    }

    private ProcessTable() {}

    /** {@code os.getpid()}. */
    public static long getpid() {
        return ProcessHandle.current().pid();
    }

    /** {@code current_process()}: made on first use in the main process ({@code MainProcess}, a random 32-byte authkey). */
    public static RefProcess current() {
        RefProcess c = current;
        if (c == null) {
            synchronized (ProcessTable.class) {
                c = current;
                if (c == null) {
                    byte[] key = new byte[32];
                    new SecureRandom().nextBytes(key);
                    c = RefProcess.mainProcess(PyBytes.of(key));
                    current = c;
                }
            }
        }
        return c;
    }

    /** {@code parent_process()}: None in the main process. */
    public static RefProcess parent() {
        return parent;
    }

    /** Set once by {@link ChildMain} before the target runs. */
    static synchronized void becomeChild(RefProcess self, RefProcess parentProcess) {
        current = self;
        parent = parentProcess;
    }

    /** {@code next(_process_counter)}. */
    static long nextCount() {
        return COUNTER.getAndIncrement();
    }

    static void started(RefProcess p) {
        CHILDREN.add(p);
    }

    static void forget(RefProcess p) {
        CHILDREN.remove(p);
    }

    /** {@code _cleanup()}: forgets the children that have ended (reaping them). */
    static void cleanup() {
        for (RefProcess p : List.copyOf(CHILDREN)) {
            if (p.reapedExitcode() != null) {
                CHILDREN.remove(p);
            }
        }
    }

    /** {@code active_children()}: reaps ended children, returns the live ones. */
    public static List<RefProcess> activeChildren() {
        cleanup();
        return new ArrayList<>(CHILDREN);
    }

    /** Every child still registered (for the owners' clean-up). */
    static List<RefProcess> registered() {
        return new ArrayList<>(CHILDREN);
    }

    /** {@code _exit_function}'s first half: SIGTERM to every daemonic child still running. */
    static void terminateDaemonicChildren() {
        for (RefProcess p : activeChildren()) {
            if (p.isDaemonFlag()) {
                p.signalQuietly(JvmSpawner.SIGTERM);
            }
        }
    }

    private static void atExit() {
        try {
            terminateDaemonicChildren();
        } catch (Throwable t) {
            // exiting anyway
        }
    }

    /** {@code os.getppid()}. */
    static long getppid() {
        return Posix.C.getppid();
    }
}
