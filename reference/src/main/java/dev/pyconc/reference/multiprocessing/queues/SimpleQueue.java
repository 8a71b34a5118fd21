package dev.pyconc.reference.multiprocessing.queues;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.Connection;
import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import dev.pyconc.reference.multiprocessing.sync.Lock;
import dev.pyconc.spi.PyBytes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code multiprocessing.SimpleQueue}: CPython 3.14's {@code multiprocessing.queues.SimpleQueue} on POSIX, a one-way
 * pipe with a reader {@link Lock} and a writer {@link Lock}: {@code put} pickles in the calling thread and sends
 * under the writer lock (so it may block while the pipe is full), {@code get} receives under the reader lock.
 * There is no feeder thread, no size and no timeout.
 *
 * <p>After {@link #close()} (3.9), which closes this process's pipe ends, {@code empty}, {@code get} and
 * {@code put} raise {@code OSError("handle is closed")}, as CPython's.
 *
 * <p>Reduces to kind {@code "mp.SimpleQueue"}: the pipe ends (fds inherited) and the two locks' names.
 * {@link #dispose()} stands for garbage collection.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.SimpleQueue">multiprocessing.SimpleQueue</a>
 */
public final class SimpleQueue implements dev.pyconc.spi.multiprocessing.SimpleQueue, Reducible {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.SimpleQueue";

    static {
        Rebuilders.register(KIND, state -> new SimpleQueue((Connection) Queue.Parts.rebuild("connection", state.get(0)),
                (Connection) Queue.Parts.rebuild("connection", state.get(1)), (Lock) Queue.Parts.rebuild(Lock.KIND, state.get(2)),
                (Lock) Queue.Parts.rebuild(Lock.KIND, state.get(3))));
    }

    private final Connection reader;
    private final Connection writer;
    private final Lock rlock;
    private final Lock wlock;

    /** {@code SimpleQueue()}. */
    public SimpleQueue() {
        List<Connection> pipe = Connection.pipe(false);
        this.reader = pipe.get(0);
        this.writer = pipe.get(1);
        this.rlock = new Lock();
        this.wlock = new Lock();
    }

    private SimpleQueue(Connection reader, Connection writer, Lock rlock, Lock wlock) {
        this.reader = reader;
        this.writer = writer;
        this.rlock = rlock;
        this.wlock = wlock;
    }

    /** {@code close()}: closes this process's pipe ends; a second call does nothing. */
    @Override
    public void close() {
        reader.close();
        writer.close();
    }

    /**
     * {@code empty()}: whether the pipe has nothing to read now.
     *
     * @throws dev.pyconc.spi.exceptions.OSError "handle is closed" once closed
     */
    @Override
    public boolean empty() {
        return !reader.poll();
    }

    /**
     * {@code get()}: blocks until a message can be read (under the reader lock), and unpickles it.
     *
     * @throws dev.pyconc.spi.exceptions.OSError "handle is closed" once closed
     * @throws dev.pyconc.spi.exceptions.EOFError when every writing end is closed and nothing is left
     */
    @Override
    public Object get() {
        PyBytes res;
        rlock.acquire();
        try {
            res = reader.recvBytes();
        } finally {
            rlock.release();
        }
        return PickleCodec.loads(res.toByteArray());
    }

    /**
     * {@code put(obj)}: pickles the item, then sends it under the writer lock.
     *
     * @throws dev.pyconc.spi.exceptions.OSError "handle is closed" once closed
     */
    @Override
    public void put(Object item) {
        byte[] b = PickleCodec.dumps(item);
        wlock.acquire();
        try {
            writer.sendBytes(b);
        } finally {
            wlock.release();
        }
    }

    /** Garbage collection made explicit: {@link #close()}, then the two locks are closed (names unlinked by their creator). */
    public void dispose() {
        close();
        rlock.close();
        wlock.close();
    }

    @Override
    public Reduction reduce() {
        Reduction r = reader.reduce();
        Reduction w = writer.reduce();
        List<Integer> fds = new ArrayList<>(r.fds());
        fds.addAll(w.fds());
        return new Reduction(KIND, List.of(r.state(), w.state(), rlock.reduce().state(), wlock.reduce().state()), fds);
    }

    @Override
    public String toString() {
        return "<multiprocessing.queues.SimpleQueue object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
