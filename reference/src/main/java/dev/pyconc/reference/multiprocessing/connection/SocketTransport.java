package dev.pyconc.reference.multiprocessing.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A connected socket (AF_INET or AF_UNIX) as a {@link Transport}. The channel is non-blocking so that
 * {@code poll} can wait with a timeout; a blocking read or write waits on a selector of its own (one for
 * reading, one for writing, so that a duplex connection may read and write from two threads).
 *
 * <p>{@code poll} takes no lock, as CPython's takes none: it consumes nothing, so it may run while another
 * thread is blocked in {@link #read}. Each poll borrows an idle selector of its own (made when none is idle, kept
 * for the next poll), because a selector serves one {@code select} at a time: a poll sharing the read selector
 * would wait for the blocked read to end, past its own timeout. {@link #close()} closes every selector, which
 * wakes a thread selecting on any of them.
 */
final class SocketTransport implements Transport {
    private final SocketChannel channel;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private Selector readSelector;
    private Selector writeSelector;
    /** Every selector {@link #poll} has made, and those of them no poll is using (guarded by this). */
    private final List<Selector> pollSelectors = new ArrayList<>();
    private final ArrayDeque<Selector> idlePollSelectors = new ArrayDeque<>();
    private volatile boolean closed;

    SocketTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        synchronized (readLock) {
            while (true) {
                checkOpen();
                int n = channel.read(dst);
                if (n != 0) {
                    return n;
                }
                await(readSelector(), null);
            }
        }
    }

    @Override
    public void write(ByteBuffer... srcs) throws IOException {
        synchronized (writeLock) {
            while (true) {
                checkOpen();
                channel.write(srcs);
                if (!srcs[srcs.length - 1].hasRemaining()) {
                    return;
                }
                await(writeSelector(), null);
            }
        }
    }

    @Override
    public boolean poll(Double timeout) throws IOException {
        Selector s = borrowPollSelector();
        try {
            return await(s, timeout == null ? null : Math.max(0.0, timeout));
        } finally {
            synchronized (this) {
                if (!closed) { // once closed, close() has closed it
                    idlePollSelectors.push(s);
                }
            }
        }
    }

    /** An idle poll selector, or a new one registered for reading; never one that close() could miss. */
    private Selector borrowPollSelector() throws IOException {
        synchronized (this) {
            checkOpen();
            Selector s = idlePollSelectors.poll();
            if (s != null) {
                return s;
            }
        }
        Selector s = openFor(SelectionKey.OP_READ);
        synchronized (this) {
            if (closed) {
                s.close();
                throw new ClosedChannelException();
            }
            pollSelectors.add(s);
        }
        return s;
    }

    /** Waits until the selector's one key is ready or the timeout (seconds, null: none) passes. */
    private boolean await(Selector s, Double timeout) throws IOException {
        long deadline = timeout == null ? 0 : System.nanoTime() + (long) (timeout * 1e9);
        while (true) {
            checkOpen();
            int ready;
            try {
                if (timeout == null) {
                    ready = s.select();
                } else {
                    long left = deadline - System.nanoTime();
                    ready = left <= 0 ? s.selectNow() : s.select(Math.max(1, (left + 999_999) / 1_000_000));
                }
                s.selectedKeys().clear();
            } catch (ClosedSelectorException e) { // close() in another thread
                throw new ClosedChannelException();
            }
            if (ready > 0) {
                return true;
            }
            checkOpen();
            if (timeout != null && deadline - System.nanoTime() <= 0) {
                return false;
            }
        }
    }

    private Selector readSelector() throws IOException {
        return selector(true);
    }

    private Selector writeSelector() throws IOException {
        return selector(false);
    }

    /** The reading or writing selector, made on first use; never one that close() could miss. */
    private Selector selector(boolean read) throws IOException {
        synchronized (this) {
            Selector s = read ? readSelector : writeSelector;
            if (s != null) {
                return s;
            }
        }
        Selector s = openFor(read ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
        synchronized (this) {
            if (closed) {
                s.close();
                throw new ClosedChannelException();
            }
            if (read) {
                readSelector = s;
            } else {
                writeSelector = s;
            }
        }
        return s;
    }

    /** A new selector with the channel registered for {@code ops}. */
    private Selector openFor(int ops) throws IOException {
        Selector s = Selector.open();
        try {
            channel.register(s, ops);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void checkOpen() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    /**
     * The socket's fd, read from the JDK's channel ({@code SocketChannelImpl.fdVal}) with
     * {@code sun.misc.Unsafe} since the JDK does not export it; -1 when that is not possible on this JDK.
     */
    int fd() {
        return FdOf.fd(channel);
    }

    /** Reads {@code fdVal} of a JDK socket channel once the field's offset is known. */
    private static final class FdOf {
        private static final Object UNSAFE;
        private static final java.lang.reflect.Method GET_INT;
        private static final long OFFSET;

        static {
            Object u = null;
            java.lang.reflect.Method g = null;
            long off = -1;
            try {
                Class<?> c = Class.forName("sun.misc.Unsafe");
                java.lang.reflect.Field f = c.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                u = f.get(null);
                java.lang.reflect.Field fd = Class.forName("sun.nio.ch.SocketChannelImpl").getDeclaredField("fdVal");
                off = (Long) c.getMethod("objectFieldOffset", java.lang.reflect.Field.class).invoke(u, fd);
                g = c.getMethod("getInt", Object.class, long.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                off = -1;
            }
            UNSAFE = u;
            GET_INT = g;
            OFFSET = off;
        }

        static int fd(SocketChannel ch) {
            if (OFFSET < 0 || !"sun.nio.ch.SocketChannelImpl".equals(ch.getClass().getName())) {
                return -1;
            }
            try {
                return (Integer) GET_INT.invoke(UNSAFE, ch, OFFSET);
            } catch (ReflectiveOperationException e) {
                return -1;
            }
        }
    }

    @Override
    public void close() throws IOException {
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose.add(readSelector);
            toClose.add(writeSelector);
            toClose.addAll(pollSelectors);
            idlePollSelectors.clear();
        }
        toClose.add(channel);
        // Selector.close wakes a thread selecting on it and deregisters the channel, so that the
        // channel's own close releases the socket now instead of at the next selection.
        IOException first = null;
        for (AutoCloseable c : toClose) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof IOException io ? io : new IOException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
