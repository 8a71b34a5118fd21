package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.multiprocessing.Connection;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Pointer;

/**
 * {@code multiprocessing.connection.wait(object_list, timeout=None)} on POSIX: one {@code poll(2)} over the
 * file descriptors of the objects: {@link Connection}s (by {@code fileno()}) and sentinels given as
 * {@code Long} fds. An fd is ready when it has data, end of file, an error or a hang-up (an ended process's
 * sentinel). A socket connection from a Listener or Client, whose fd the JDK keeps to itself, is asked with its
 * own {@code poll()} between slices of 20 ms.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.wait">connection.wait</a>
 */
public final class Waiting {
    private static final int SLICE_MS = 20;

    private Waiting() {}

    /**
     * The objects of {@code objectList} that are ready, in the list's order; an empty list when timeout seconds
     * (None: without limit; zero or negative: none) pass first.
     *
     * @throws OSError {@code handle is closed} for a closed connection
     * @throws TypeError for an object that is neither a connection nor an int
     */
    public static List<Object> wait(List<Object> objectList, Double timeout) {
        int n = objectList.size();
        int[] fds = new int[n];
        List<Connection> slow = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object o = objectList.get(i);
            fds[i] = -1;
            if (o instanceof Number num) {
                fds[i] = num.intValue();
            } else if (o instanceof dev.pyconc.reference.multiprocessing.connection.Connection c) {
                try {
                    fds[i] = (int) c.fileno();
                } catch (OSError e) {
                    if (c.closed()) {
                        throw e;
                    }
                    slow.add(c);
                }
            } else if (o instanceof Connection c) {
                try {
                    fds[i] = (int) c.fileno();
                } catch (RuntimeException e) {
                    if (c.closed()) {
                        throw e;
                    }
                    slow.add(c);
                }
            } else {
                throw new TypeError("argument must be an int, or have a fileno() method.");
            }
        }
        long deadline = timeout == null ? 0 : System.nanoTime() + (long) (Math.max(0.0, timeout) * 1e9);
        Pointer p = Posix.allocate(Math.max(8, 8 * n));
        while (true) {
            int millis;
            if (timeout == null) {
                millis = slow.isEmpty() ? -1 : SLICE_MS;
            } else {
                long left = Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
                millis = (int) Math.min(slow.isEmpty() ? Integer.MAX_VALUE : SLICE_MS, left);
            }
            for (int i = 0; i < n; i++) {
                p.putInt(8L * i, fds[i]); // a negative fd is ignored by poll(2)
                p.putShort(8L * i + 4, Posix.POLLIN);
                p.putShort(8L * i + 6, (short) 0);
            }
            int r;
            SysCalls.begin();
            try {
                r = Posix.C.poll(p, n, millis);
            } finally {
                SysCalls.end();
            }
            if (r < 0 && Posix.errno() != Posix.EINTR) {
                throw Posix.oserror(Posix.errno());
            }
            List<Object> ready = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Object o = objectList.get(i);
                if (fds[i] >= 0 ? r > 0 && p.getShort(8L * i + 6) != 0 : ((Connection) o).poll()) {
                    ready.add(o);
                }
            }
            if (!ready.isEmpty()) {
                return ready;
            }
            if (timeout != null && deadline - System.nanoTime() <= 0) {
                return ready;
            }
        }
    }
}
