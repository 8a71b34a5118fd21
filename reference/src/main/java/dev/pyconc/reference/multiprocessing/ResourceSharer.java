package dev.pyconc.reference.multiprocessing;

import dev.pyconc.reference.multiprocessing.connection.Authentication;
import dev.pyconc.reference.multiprocessing.connection.Connection;
import dev.pyconc.reference.multiprocessing.connection.FdPassing;
import dev.pyconc.reference.posix.Posix;
import dev.pyconc.reference.multiprocessing.process.ProcessTable;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.KeyError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process's resource sharer: CPython 3.14's {@code multiprocessing.resource_sharer} on POSIX
 * ({@code _ResourceSharer} and {@code DupFd}), by which a file descriptor reaches another process after that
 * process has started, so that a {@code Connection} can be sent through a Connection or a Queue.
 *
 * <p>{@link #dupFd(int)} duplicates the fd and registers the duplicate under a new key; the pickle carries the
 * sharer's address and the key. The process that unpickles it calls {@link #detach(String, long)}: it connects to
 * the address, authenticates with its {@code current_process().authkey} (the authkey handshake both ways, as
 * {@code Client}), sends {@code (key, os.getpid())}, and receives the fd by {@code SCM_RIGHTS}. The sharer then
 * closes its duplicate: a key is good for one transfer.
 *
 * <p>The sharer is started on first registration: an AF_UNIX listener ({@code listener-XXXXXXXX} in a fresh
 * {@code pymp-} temporary directory, backlog 128, the authkey {@code current_process().authkey} had then) served
 * by one daemon thread. {@link #stop()} (also run at JVM exit, and by the module's {@code cleanUp}) ends the
 * thread, closes the socket, removes the socket file and the directory, and closes the duplicates no one came
 * for; a later registration starts it again. The spawn-time path does not use it: a child JVM inherits the fds of
 * what it was given at start ({@link Reducible}).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#connection-objects">Connection Objects</a>
 */
public final class ResourceSharer {
    /** How long the serving thread waits in poll(2) at a time; the delay with which {@link #stop()} ends it. */
    static final int SLICE_MS = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";

    private static final Object LOCK = new Object();
    private static long key;
    private static final Map<Long, Integer> CACHE = new LinkedHashMap<>();
    private static Server server;
    private static boolean hookInstalled;

    /** The fd a {@link #dupFd} registered, as the pickle carries it: {@code DupFd._id}. */
    public record Ident(String address, long key) {}

    private ResourceSharer() {}

    /**
     * {@code resource_sharer.DupFd(fd)}: registers a duplicate of {@code fd} (the caller keeps its own), starting
     * the sharer if it is not running.
     *
     * @return where and under which key another process gets it
     * @throws dev.pyconc.spi.exceptions.OSError the OS's error duplicating or listening
     */
    public static Ident dupFd(int fd) {
        int dup = FdPassing.dup(fd);
        try {
            synchronized (LOCK) {
                if (server == null) {
                    server = Server.start();
                    if (!hookInstalled) {
                        hookInstalled = true;
                        Runtime.getRuntime().addShutdownHook(new Thread(ResourceSharer::stop, "pyconc-resource-sharer-exit"));
                    }
                }
                long k = ++key;
                CACHE.put(k, dup);
                return new Ident(server.address, k);
            }
        } catch (RuntimeException e) {
            Posix.C.close(dup);
            throw e;
        }
    }

    /**
     * {@code DupFd.detach()}: connects to the sharer at {@code address}, authenticates, asks for {@code key} and
     * returns the fd received (close-on-exec; the caller owns it).
     *
     * @throws dev.pyconc.spi.exceptions.OSError the sharer cannot be reached ({@code [Errno 2] No such file or
     *     directory} when it stopped, {@code [Errno 111] Connection refused})
     * @throws dev.pyconc.spi.exceptions.AuthenticationError the authkeys differ
     * @throws dev.pyconc.spi.exceptions.EOFError the sharer had nothing under the key (taken already, or dropped
     *     when it stopped)
     */
    public static int detach(String address, long key) {
        PyBytes authkey = ProcessTable.current().getAuthkey();
        Connection c = Connection.ofFd(FdPassing.connectUnix(address), true, true);
        try {
            Authentication.answerChallenge(c, authkey);
            Authentication.deliverChallenge(c, authkey);
            c.send(PyTuple.of(key, (long) Posix.C.getpid()));
            return FdPassing.recvHandle(c);
        } finally {
            c.close();
        }
    }

    /**
     * {@code resource_sharer.stop()}: stops the serving thread (waiting at most a few seconds for it), closes the
     * listener, removes its socket file and directory, and closes every registered fd no one took. Idempotent.
     */
    public static void stop() {
        Server s;
        List<Integer> left;
        synchronized (LOCK) {
            s = server;
            server = null;
            left = new ArrayList<>(CACHE.values());
            CACHE.clear();
        }
        if (s != null) {
            s.stop();
        }
        for (int fd : left) {
            Posix.C.close(fd);
        }
    }

    /** Whether the sharer is running (its thread serving an address); for tests. */
    public static String address() {
        synchronized (LOCK) {
            return server == null ? null : server.address;
        }
    }

    private static Integer take(long k) {
        synchronized (LOCK) {
            return CACHE.remove(k);
        }
    }

    /** The listener and its thread ({@code _start} and {@code _serve}). */
    private static final class Server {
        final String address;
        final Path dir;
        final Path socketFile;
        final int listenFd;
        final PyBytes authkey;
        final Thread thread;
        volatile boolean stopping;

        private Server(Path dir, Path socketFile, int listenFd, PyBytes authkey) {
            this.dir = dir;
            this.socketFile = socketFile;
            this.address = socketFile.toString();
            this.listenFd = listenFd;
            this.authkey = authkey;
            this.thread = new Thread(this::serve, "pyconc-resource-sharer");
            this.thread.setDaemon(true);
        }

        static Server start() {
            PyBytes authkey = ProcessTable.current().getAuthkey();
            Path dir;
            try {
                dir = Files.createTempDirectory("pymp-");
            } catch (IOException e) {
                throw new dev.pyconc.spi.exceptions.OSError(null, e.toString(), e);
            }
            Path file = dir.resolve("listener-" + randomName());
            int fd;
            try {
                fd = FdPassing.listenUnix(file.toString(), 128);
            } catch (RuntimeException e) {
                deleteQuietly(file);
                deleteQuietly(dir);
                throw e;
            }
            Server s = new Server(dir, file, fd, authkey);
            s.thread.start();
            return s;
        }

        private void serve() {
            while (!stopping) {
                short r;
                int conn;
                try {
                    r = Posix.pollOne(listenFd, Posix.POLLIN, SLICE_MS);
                    if (stopping || r == 0) {
                        continue;
                    }
                    conn = FdPassing.accept(listenFd);
                } catch (RuntimeException e) {
                    report(e);
                    return;
                }
                if (conn >= 0) {
                    serveOne(conn);
                }
            }
        }

        /** One client: the handshake (deliver, then answer), its {@code (key, pid)}, and the fd sent and closed here. */
        private void serveOne(int fd) {
            try (Connection c = Connection.ofFd(fd, true, true)) {
                Authentication.deliverChallenge(c, authkey);
                Authentication.answerChallenge(c, authkey);
                Object msg = c.recv();
                if (msg == null) {
                    return;
                }
                PyTuple t = (PyTuple) msg;
                long k = ((Number) t.get(0)).longValue();
                long pid = ((Number) t.get(1)).longValue();
                Integer handle = take(k);
                if (handle == null) {
                    throw new KeyError(String.valueOf(k));
                }
                try {
                    FdPassing.sendHandle(c, handle, pid);
                } finally {
                    Posix.C.close(handle);
                }
            } catch (RuntimeException e) {
                report(e);
            }
        }

        private void report(RuntimeException e) {
            if (!stopping) { // CPython: sys.excepthook unless the process is exiting
                System.err.println("Exception in resource sharer thread: " + e);
            }
        }

        void stop() {
            stopping = true;
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!thread.isAlive()) {
                Posix.C.close(listenFd); // only once the thread no longer polls it: the number is not reused under it
            }
            deleteQuietly(socketFile);
            deleteQuietly(dir);
        }
    }

    private static String randomName() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do at exit
        }
    }
}
