package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.multiprocessing.Routine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.ffi.Pointer;

/**
 * The main class of a child JVM: CPython's {@code spawn.spawn_main} and {@code BaseProcess._bootstrap}.
 *
 * <p>Arguments: the fd of the pipe the description comes on, and the fd of the sentinel's write end (kept open,
 * never written, until the JVM exits). The description ({@link RefProcess}) is read to end of file and
 * unpickled; arguments reduced by the parent ({@link #REDUCTION} markers) are rebuilt with {@link Rebuilders}
 * from the fds inherited at the same numbers.
 *
 * <p>The exit status is {@code _bootstrap}'s: the target returns: 0; {@code SystemExit(None)}: 0;
 * {@code SystemExit(int)}: that int; {@code SystemExit(str)}: the string on stderr, 1; any other exception:
 * {@code Process NAME:} and a traceback-like text on stderr, 1. Then, as {@code util._exit_function}, the
 * daemonic children still running are terminated and the others joined.
 *
 * <p>SIGINT arrives blocked ({@link JvmSpawner}) and is read from a {@code signalfd} by a watcher thread: it is
 * the routine's KeyboardInterrupt, reported as an uncaught exception (exitcode 1). The routine is not unwound
 * (a Java thread cannot be made to throw), so its finally clauses do not run; none of the routines catches
 * KeyboardInterrupt.
 */
public final class ChildMain {
    /** The key of the marker dict that stands for a reduced object in the description. */
    static final String REDUCTION = "__pyconc_reduction__";
    private static final int SFD_CLOEXEC = 02000000;
    private static final AtomicBoolean EXITING = new AtomicBoolean();
    private static volatile String processName = "?";

    private ChildMain() {}

    public static void main(String[] argv) {
        boolean timing = System.getenv("PYCONC_CHILD_TIMING") != null;
        long t0 = System.nanoTime();
        int descFd = Integer.parseInt(argv[0]);
        int sentinelFd = Integer.parseInt(argv[1]);
        // The native binding costs most of a child's start; nothing before the target needs it, so it loads
        // beside the target: SIGINT stays blocked and pending until the watcher reads it.
        Thread natives = new Thread(() -> {
            Posix.setCloexec(sentinelFd);
            Posix.C.close(descFd);
            watchSigint();
        }, "pyconc-child-natives");
        natives.setDaemon(true);
        int code;
        try {
            byte[] raw = readAll(descFd);
            natives.start();
            long t1 = System.nanoTime();
            Map<?, ?> d = (Map<?, ?>) PickleCodec.loads(raw);
            long t2 = System.nanoTime();
            code = bootstrap(d);
            if (timing) {
                System.err.printf("child timing: jvm-up %d ms, read %.0f ms, unpickle %.0f ms, run %.0f ms%n",
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
            }
        } catch (Throwable t) {
            System.err.println("pyconc child: cannot start: " + t);
            t.printStackTrace();
            code = 1;
        }
        exit(code);
    }

    private static int bootstrap(Map<?, ?> d) {
        @SuppressWarnings("unchecked")
        List<Long> identity = new ArrayList<>((List<Long>) d.get("identity"));
        String name = (String) d.get("name");
        processName = name;
        RefProcess self = RefProcess.childSelf((String) d.get("prefix"), name, (Boolean) d.get("daemon"),
                (PyBytes) d.get("authkey"), identity, ((Number) d.get("parent_pid")).longValue());
        RefProcess parent = RefProcess.parentView((String) d.get("parent_name"),
                ((Number) d.get("parent_pid")).longValue());
        ProcessTable.becomeChild(self, parent);
        String routine = (String) d.get("routine");
        try {
            Object[] holder = new Object[1];
            @SuppressWarnings("unchecked")
            List<Object> args = (List<Object>) rebuild(d.get("args"));
            @SuppressWarnings("unchecked")
            Map<String, Object> kwargs = (Map<String, Object>) rebuild(d.get("kwargs"));
            if (routine != null && routine.startsWith(Routines.INTERNAL)) {
                holder[0] = Routines.callInternal(routine.substring(Routines.INTERNAL.length()), args);
            } else if (routine != null) {
                Routine r = Routines.byName(routine);
                holder[0] = Routines.call(r, args, kwargs);
            }
            return 0;
        } catch (Routines.ChildExit e) {
            Object c = e.code();
            if (c == null) {
                return 0;
            }
            if (c instanceof Boolean b) {
                return b ? 1 : 0;
            }
            if (c instanceof Number n) {
                return (int) n.longValue();
            }
            System.err.println(String.valueOf(c));
            System.err.flush();
            return 1;
        } catch (Throwable t) {
            printTraceback(name, t);
            return 1;
        }
    }

    /** Rebuilds the {@link #REDUCTION} markers in lists, tuples and dict values. */
    static Object rebuild(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey(REDUCTION)) {
                @SuppressWarnings("unchecked")
                List<Object> state = (List<Object>) m.get("state");
                return Rebuilders.rebuild(new Reduction((String) m.get(REDUCTION), state, List.of()));
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(e.getKey(), rebuild(e.getValue()));
            }
            return out;
        }
        if (v instanceof PyTuple t) {
            List<Object> out = new ArrayList<>();
            for (Object o : t) {
                out.add(rebuild(o));
            }
            return PyTuple.of(out.toArray());
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(rebuild(o));
            }
            return out;
        }
        return v;
    }

    /** {@code sys.stderr.write('Process %s:\n' % name); traceback.print_exc()}, with Java frames. */
    static void printTraceback(String name, Throwable t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true);
        out.println("Process " + name + ":");
        out.println("Traceback (most recent call last):");
        StackTraceElement[] st = t.getStackTrace();
        for (int i = st.length - 1; i >= 0; i--) {
            StackTraceElement e = st[i];
            out.println("  File \"" + e.getFileName() + "\", line " + e.getLineNumber() + ", in "
                    + e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName());
        }
        out.println(exceptionLine(t));
        System.err.print(bytes);
        System.err.flush();
    }

    /** Python's last traceback line: {@code ValueError: message} (module shown unless builtins). */
    static String exceptionLine(Throwable t) {
        if (t instanceof BaseException b) {
            String n = b.pythonName();
            if (n.startsWith("builtins.")) {
                n = n.substring("builtins.".length());
            }
            String m = b.getMessage();
            return m == null || m.isEmpty() ? n : n + ": " + m;
        }
        return "RuntimeError: Java exception: " + t;
    }

    /** {@code _exit_function}, then the exit status; the first caller wins (the routine's end or SIGINT). */
    static void exit(int code) {
        if (!EXITING.compareAndSet(false, true)) {
            return;
        }
        try {
            ProcessTable.terminateDaemonicChildren();
            for (RefProcess p : ProcessTable.activeChildren()) {
                p.join();
            }
        } catch (Throwable t) {
            // exiting anyway
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** A daemon thread that reads SIGINT from a signalfd and makes it the routine's KeyboardInterrupt. */
    private static void watchSigint() {
        Pointer mask = Posix.allocate(Posix.SIGSET_SIZE);
        Posix.C.sigemptyset(mask);
        Posix.C.sigaddset(mask, JvmSpawner.SIGINT);
        int fd = Posix.C.signalfd(-1, mask, SFD_CLOEXEC);
        if (fd < 0) {
            return; // SIGINT then keeps its default action
        }
        Thread t = new Thread(() -> {
            Pointer info = Posix.allocate(128);
            while (true) {
                long n = Posix.C.read(fd, info, 128);
                if (n == 128) {
                    Throwable ki = new dev.pyconc.spi.exceptions.KeyboardInterrupt("");
                    ki.setStackTrace(new StackTraceElement[0]); // raised in the routine, not in this thread
                    printTraceback(processName, ki);
                    exit(1);
                    return;
                }
                if (n < 0 && Posix.errno() != Posix.EINTR) {
                    return;
                }
            }
        }, "pyconc-sigint");
        t.setDaemon(true);
        t.start();
    }

    /** The description, read to end of file through {@code /proc/self/fd} (a second fd on the same pipe). */
    private static byte[] readAll(int fd) throws java.io.IOException {
        try (java.io.FileInputStream in = new java.io.FileInputStream("/proc/self/fd/" + fd)) {
            // not readAllBytes: on 17 it asks a pipe for its position (ESPIPE)
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) >= 0;) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
