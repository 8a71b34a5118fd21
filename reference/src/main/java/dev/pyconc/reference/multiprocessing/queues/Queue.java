package dev.pyconc.reference.multiprocessing.queues;

import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.Connection;
import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import dev.pyconc.reference.multiprocessing.sync.BoundedSemaphore;
import dev.pyconc.reference.multiprocessing.sync.Lock;
import dev.pyconc.reference.multiprocessing.sync.SemLock;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code multiprocessing.Queue}: a port of CPython 3.14's {@code multiprocessing.queues.Queue} on POSIX. The items
 * travel through a one-way pipe ({@code Pipe(duplex=False)}) as pickles; the reading end is guarded by a reader
 * {@link Lock} and the writing end by a writer {@link Lock}, both shared by every process that has the queue; a
 * {@link BoundedSemaphore} of {@code maxsize} units counts the room left ({@code put} takes a unit, {@code get}
 * gives it back). {@code put} only appends to a buffer of this process; a feeder thread ({@link Feeder}) started
 * by the first {@code put} pickles and sends the buffered items in order.
 *
 * <p>Consequences kept from CPython: {@link #empty()} reads the pipe, so an item just put may not be visible yet;
 * {@link #qsize()} is {@code maxsize - sem.get_value()}, so it counts items still in a feeder's buffer;
 * {@link #close()} lets the feeder flush and then closes this process's pipe ends; every method but
 * {@link #joinThread()} and {@link #cancelJoinThread()} raises {@code ValueError("Queue ... is closed")} once
 * closed in this process (and {@link #empty()} OSError, from the closed pipe).
 *
 * <p>Reduces to kind {@code "mp.Queue"}: the pipe ends (their fds inherited at the same numbers), the semaphores'
 * names and maxsize, as CPython's {@code __getstate__}; the child starts with an empty buffer and no feeder.
 * {@link #dispose()} stands for the Python object's garbage collection (a {@link Cleaner} does the same when the
 * object becomes unreachable).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Queue">multiprocessing.Queue</a>
 */
public class Queue implements dev.pyconc.spi.multiprocessing.Queue, Reducible {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.Queue";
    private static final Cleaner CLEANER = Cleaner.create();

    static {
        Rebuilders.register(KIND, state -> new Queue(new Parts(state)));
    }

    /** What CPython's {@code __getstate__} returns, rebuilt. */
    static final class Parts {
        final boolean ignoreEpipe;
        final long maxsize;
        final Connection reader;
        final Connection writer;
        final Lock rlock;
        final Lock wlock;
        final BoundedSemaphore sem;
        /**
         * Whether this process made the queue (CPython's {@code self._opid == os.getpid()}), rather than
         * rebuilding it from a parent: the only processes using it are then its descendants, so at exit it does
         * not wait for its feeder to flush (which would hang with nobody left to read).
         */
        final boolean createdHere;

        Parts(long maxsize) {
            this.createdHere = true;
            this.ignoreEpipe = false;
            this.maxsize = maxsize <= 0 ? SemLock.SEM_VALUE_MAX : maxsize;
            List<Connection> pipe = Connection.pipe(false);
            this.reader = pipe.get(0);
            this.writer = pipe.get(1);
            this.rlock = new Lock();
            this.wlock = new Lock();
            this.sem = new BoundedSemaphore(this.maxsize);
        }

        @SuppressWarnings("unchecked")
        Parts(List<Object> state) {
            this.createdHere = false;
            this.ignoreEpipe = (Boolean) state.get(0);
            this.maxsize = ((Number) state.get(1)).longValue();
            this.reader = (Connection) rebuild("connection", state.get(2));
            this.writer = (Connection) rebuild("connection", state.get(3));
            this.rlock = (Lock) rebuild(Lock.KIND, state.get(4));
            this.wlock = (Lock) rebuild(Lock.KIND, state.get(5));
            this.sem = (BoundedSemaphore) rebuild(BoundedSemaphore.KIND, state.get(6));
        }

        @SuppressWarnings("unchecked")
        static Object rebuild(String kind, Object state) {
            return Rebuilders.rebuild(new Reduction(kind, (List<Object>) state, List.of()));
        }

        List<Object> state() {
            return List.of(ignoreEpipe, maxsize, reader.reduce().state(), writer.reduce().state(), rlock.reduce().state(),
                    wlock.reduce().state(), sem.reduce().state());
        }

        List<Integer> fds() {
            List<Integer> fds = new ArrayList<>(reader.reduce().fds());
            fds.addAll(writer.reduce().fds());
            return fds;
        }
    }

    final Parts parts;
    final Feeder feeder;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    /** {@code Queue()}: unbounded (maxsize {@link SemLock#SEM_VALUE_MAX}). */
    public Queue() {
        this(0);
    }

    /**
     * {@code Queue(maxsize)}.
     *
     * @param maxsize at most this many items; 0 or less for {@link SemLock#SEM_VALUE_MAX}
     */
    public Queue(long maxsize) {
        this(new Parts(maxsize));
    }

    Queue(Parts parts) {
        this.parts = parts;
        this.feeder = new Feeder(parts.reader, parts.writer, parts.wlock, parts.sem, parts.ignoreEpipe,
                parts.createdHere);
        Feeder f = feeder;
        Parts p = parts;
        this.cleanable = CLEANER.register(this, () -> release(f, p));
    }

    /** What the object's collection does: the feeder is told to quit (it closes the pipe ends), or they are closed now. */
    private static void release(Feeder f, Parts p) {
        if (f.started()) {
            f.tellToQuit();
        } else {
            f.closePipes();
        }
    }

    /** Whether {@link #close()} was called in this process. */
    boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new ValueError("Queue " + this + " is closed");
        }
    }

    /** {@code qsize()}: maxsize minus the semaphore's value (items put by any process and not yet got). */
    @Override
    public long qsize() {
        return parts.maxsize - parts.sem.getValue();
    }

    /**
     * {@code empty()}: whether the pipe has nothing to read now ({@code not reader.poll()}).
     *
     * @throws dev.pyconc.spi.exceptions.OSError "handle is closed" once the feeder of this process closed the pipe
     */
    @Override
    public boolean empty() {
        return !parts.reader.poll();
    }

    /** {@code full()}: whether the semaphore is at 0 (no room). */
    @Override
    public boolean full() {
        return parts.sem.locked();
    }

    @Override
    public void put(Object item) {
        put(item, true, null);
    }

    @Override
    public void put(Object item, boolean block) {
        put(item, block, null);
    }

    /**
     * {@code put(obj, block=True, timeout=None)}: takes a unit of room (waiting at most {@code timeout} seconds when
     * blocking; negative counts as 0), then appends the item to this process's buffer for the feeder thread, which
     * is started by the first put.
     *
     * @throws ValueError when closed
     * @throws Full when there was no room in time
     */
    @Override
    public void put(Object item, boolean block, Double timeout) {
        checkOpen();
        if (!parts.sem.acquire(block, timeout)) {
            throw new Full("");
        }
        feeder.append(item, null);
    }

    @Override
    public void putNowait(Object item) {
        put(item, false, null);
    }

    @Override
    public Object get() {
        return get(true, null);
    }

    @Override
    public Object get(boolean block) {
        return get(block, null);
    }

    /**
     * {@code get(block=True, timeout=None)}: takes the reader lock, receives one message and unpickles it, and gives
     * its unit of room back. With a timeout (seconds, on the monotonic clock) the lock and the poll of the pipe share
     * it; not blocking, both are tried once.
     *
     * @throws ValueError when closed
     * @throws Empty when there was no item in time
     * @throws dev.pyconc.spi.exceptions.EOFError when every writing end is closed and nothing is left
     */
    @Override
    public Object get(boolean block, Double timeout) {
        checkOpen();
        PyBytes res;
        if (block && timeout == null) {
            parts.rlock.acquire();
            try {
                res = parts.reader.recvBytes();
            } finally {
                parts.rlock.release();
            }
            parts.sem.release();
        } else {
            long deadline = 0;
            if (block) {
                deadline = System.nanoTime() + (long) Math.min(timeout * 1e9, 1e18);
            }
            if (!parts.rlock.acquire(block, timeout)) {
                throw new Empty("");
            }
            try {
                if (block) {
                    double left = (deadline - System.nanoTime()) / 1e9;
                    if (!parts.reader.poll(left)) {
                        throw new Empty("");
                    }
                } else if (!parts.reader.poll()) {
                    throw new Empty("");
                }
                res = parts.reader.recvBytes();
                parts.sem.release();
            } finally {
                parts.rlock.release();
            }
        }
        return PickleCodec.loads(res.toByteArray());
    }

    @Override
    public Object getNowait() {
        return get(false, null);
    }

    /**
     * {@code close()}: no more puts or gets from this process; the feeder, if started, sends what is buffered and
     * then closes this process's pipe ends. Never blocks. A second call does nothing.
     */
    @Override
    public void close() {
        closed = true;
        feeder.tellToQuit();
    }

    /**
     * {@code join_thread()}: waits for the feeder thread to end (after {@link #close()}); returns at once if it was
     * never started or {@link #cancelJoinThread()} was called.
     *
     * @throws PyAssertionError "Queue ... not closed" before close
     * @throws RuntimeError when the waiting Java thread is interrupted (the wait is abandoned)
     */
    @Override
    public void joinThread() {
        if (!closed) {
            throw new PyAssertionError("Queue " + this + " not closed");
        }
        if (feeder.joinCancelled) {
            return;
        }
        Thread t = feeder.thread();
        if (t != null) {
            SysCalls.begin(); // for Adapter.isBlocked, as CPython's join_thread releases the GIL
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeError("join_thread abandoned: the Java thread was interrupted");
            } finally {
                SysCalls.end();
            }
        }
    }

    /** {@code cancel_join_thread()}: neither {@link #joinThread()} nor the JVM's exit waits for the feeder. */
    @Override
    public void cancelJoinThread() {
        feeder.joinCancelled = true;
    }

    /**
     * What garbage collection of the Python object amounts to, made explicit: {@link #close()}; the feeder is waited
     * for (after {@link #cancelJoinThread()} the pipe is closed under it instead, dropping what it still buffers);
     * then the pipe ends of this process and the three semaphores are closed (their names unlinked by the process
     * that created them). Nothing may use the queue afterwards in this process.
     */
    public void dispose() {
        close();
        if (feeder.started()) {
            if (feeder.joinCancelled) {
                feeder.disposed = true;
                feeder.closePipes();
            }
            Thread t = feeder.thread();
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        feeder.closePipes();
        cleanable.clean();
        parts.rlock.close();
        parts.wlock.close();
        parts.sem.close();
    }

    @Override
    public Reduction reduce() {
        return new Reduction(KIND, parts.state(), parts.fds());
    }

    @Override
    public String toString() {
        return "<multiprocessing.queues." + getClass().getSimpleName() + " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
