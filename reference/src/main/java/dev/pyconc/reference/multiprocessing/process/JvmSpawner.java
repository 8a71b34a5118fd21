package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.exceptions.OSError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jnr.ffi.Pointer;

/**
 * Starts a child JVM with {@code posix_spawn(3)}: the reference's {@code spawn} start method (a fresh
 * interpreter that is handed the process object, as CPython's {@code popen_spawn_posix} starts a fresh Python).
 *
 * <ul>
 *   <li>program: {@code $java.home/bin/java}, class path {@code java.class.path}, main class {@link ChildMain};
 *       flags for a fast start ({@link #JVM_FLAGS}) and {@code -Xrs}, so that the JVM installs no handler for
 *       SIGTERM, SIGINT, SIGHUP: a terminated child dies of the signal and its exitcode is {@code -15}, as
 *       CPython's.</li>
 *   <li>file descriptors: stdin is {@code /dev/null}, stdout and stderr are inherited, and exactly the
 *       {@code passFds} are inherited at their numbers (every other fd is closed in the child).</li>
 *   <li>signals: SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE and SIGXFSZ at their default action (an ignored
 *       SIGINT, as a background shell leaves it, would otherwise be inherited); the mask blocks SIGINT only, which
 *       {@link ChildMain} reads from a {@code signalfd} and turns into KeyboardInterrupt.</li>
 * </ul>
 */
final class JvmSpawner {
    /** The flags that make a short-lived child JVM start fast and small. */
    static final List<String> JVM_FLAGS = List.of("-Xrs", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto", "-Xss512k", "-Xms8m", "-Xmx256m", "-XX:-UsePerfData", "-XX:CICompilerCount=1",
            "-Djava.awt.headless=true");
    static final int SIGHUP = Posix.SIGHUP;
    static final int SIGINT = Posix.SIGINT;
    static final int SIGQUIT = Posix.SIGQUIT;
    static final int SIGKILL = Posix.SIGKILL;
    static final int SIGPIPE = Posix.SIGPIPE;
    static final int SIGTERM = Posix.SIGTERM;
    static final int SIGXFSZ = Posix.SIGXFSZ;

    private JvmSpawner() {}

    /** The child's command line: java, flags, class path, {@link ChildMain}, then {@code mainArgs}. */
    static List<String> command(List<String> mainArgs) {
        List<String> argv = new ArrayList<>();
        argv.add(System.getProperty("java.home") + "/bin/java");
        argv.addAll(JVM_FLAGS);
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(ChildMain.class.getName());
        argv.addAll(mainArgs);
        return argv;
    }

    /**
     * Starts {@code argv} with posix_spawn.
     *
     * @return the pid
     * @throws OSError the errno of a failed spawn (as CPython's {@code OSError} from {@code spawnv_passfds})
     */
    static int spawn(List<String> argv, TreeSet<Integer> passFds) {
        Posix.C c = Posix.C;
        Posix.Spawn sp = Posix.spawn();
        Pointer fa = Posix.allocate(Posix.FILE_ACTIONS_SIZE);
        Pointer attr = Posix.allocate(Posix.SPAWNATTR_SIZE);
        Pointer mask = Posix.allocate(Posix.SIGSET_SIZE);
        Pointer def = Posix.allocate(Posix.SIGSET_SIZE);
        check(sp.posix_spawn_file_actions_init(fa));
        try {
            check(sp.posix_spawnattr_init(attr));
            try {
                c.sigemptyset(mask);
                c.sigaddset(mask, SIGINT);
                check(sp.posix_spawnattr_setsigmask(attr, mask));
                c.sigemptyset(def);
                for (int s : new int[] {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGXFSZ}) {
                    c.sigaddset(def, s);
                }
                check(sp.posix_spawnattr_setsigdefault(attr, def));
                check(sp.posix_spawnattr_setflags(attr,
                        (short) (Posix.POSIX_SPAWN_SETSIGMASK | Posix.POSIX_SPAWN_SETSIGDEF)));
                check(sp.posix_spawn_file_actions_addopen(fa, 0, Posix.cString("/dev/null"), Posix.O_RDONLY, 0));
                // Keep exactly passFds (dup2 onto itself clears FD_CLOEXEC), close every other fd above 2.
                int from = 3;
                for (int keep : passFds) {
                    if (keep < 3) {
                        continue;
                    }
                    check(sp.posix_spawn_file_actions_adddup2(fa, keep, keep));
                    for (int fd = from; fd < keep; fd++) {
                        check(sp.posix_spawn_file_actions_addclose(fa, fd));
                    }
                    from = keep + 1;
                }
                check(sp.posix_spawn_file_actions_addclosefrom_np(fa, from));
                List<byte[]> args = new ArrayList<>();
                for (String a : argv) {
                    args.add(a.getBytes(StandardCharsets.UTF_8));
                }
                List<byte[]> env = new ArrayList<>();
                for (Map.Entry<String, String> e : System.getenv().entrySet()) {
                    env.add((e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
                }
                int[] pid = new int[1];
                int err = sp.posix_spawn(pid, Posix.cString(argv.get(0)), fa, attr, Posix.cStrings(args),
                        Posix.cStrings(env));
                if (err != 0) {
                    throw OSError.forErrno(err, Posix.strerror(err), argv.get(0));
                }
                return pid[0];
            } finally {
                sp.posix_spawnattr_destroy(attr);
            }
        } finally {
            sp.posix_spawn_file_actions_destroy(fa);
        }
    }

    private static void check(int rc) {
        if (rc != 0) {
            throw Posix.oserror(rc);
        }
    }
}
