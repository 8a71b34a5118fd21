package dev.pyconc.reference.multiprocessing.queues;

import dev.pyconc.reference.multiprocessing.connection.Connection;
import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import dev.pyconc.reference.multiprocessing.sync.Lock;
import dev.pyconc.reference.multiprocessing.sync.Semaphore;
import dev.pyconc.spi.exceptions.OSError;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-local half of a {@link Queue}: CPython's {@code _buffer} (a deque), {@code _notempty} (here this
 * object's monitor) and the {@code QueueFeederThread} that runs {@code Queue._feed}: it waits for the buffer to be
 * non-empty, pops items, pickles each and sends it under the writer lock, until it pops the sentinel, when it
 * closes both pipe ends of this process and ends. An error while pickling or sending gives the item's unit back to
 * the queue's semaphore and prints the traceback to {@code System.err} ({@code _on_queue_feeder_error}); the feeder
 * goes on.
 *
 * <p>It holds no reference to its {@link Queue}, as CPython's feeder gets the pieces as arguments, so that a queue
 * can become unreachable while the feeder runs. At JVM exit the feeders still running are told to quit (the
 * {@code _finalize_close} finalizer, exit priority 10) and then joined unless their queue called
 * {@code cancel_join_thread()} ({@code _finalize_join}, exit priority -5): buffered items reach the pipe first.
 */
final class Feeder implements Runnable {
    /** CPython's {@code _sentinel}. */
    static final Object SENTINEL = new Object();
    /** None in the buffer (an ArrayDeque holds no null). */
    private static final Object NONE = new Object();
    private static final Set<Feeder> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private final ArrayDeque<Object> buffer = new ArrayDeque<>(); // guarded by this
    private final Connection reader;
    private final Connection writer;
    private final Lock wlock;
    private final Semaphore sem;
    private final boolean ignoreEpipe;
    /** See {@code Queue.Parts.createdHere}: such a feeder is not joined at exit. */
    private final boolean createdHere;
    private Thread thread; // guarded by this
    private boolean pipesClosed; // guarded by this
    volatile boolean joinCancelled;
    /** Set by {@link Queue#dispose()}: errors from the pipe closed under the feeder are expected, not reported. */
    volatile boolean disposed;

    Feeder(Connection reader, Connection writer, Lock wlock, Semaphore sem, boolean ignoreEpipe, boolean createdHere) {
        this.createdHere = createdHere;
        this.reader = reader;
        this.writer = writer;
        this.wlock = wlock;
        this.sem = sem;
        this.ignoreEpipe = ignoreEpipe;
    }

    /** {@code with notempty: start the thread if needed; buffer.append(obj); notempty.notify()}. */
    void append(Object obj, Runnable underLock) {
        synchronized (this) {
            if (thread == null) {
                start();
            }
            if (underLock != null) {
                underLock.run();
            }
            buffer.addLast(obj == null ? NONE : obj);
            notify();
        }
    }

    /** {@code _finalize_close}: appends the sentinel, if the thread was started. */
    void tellToQuit() {
        synchronized (this) {
            if (thread != null) {
                buffer.addLast(SENTINEL);
                notify();
            }
        }
    }

    synchronized boolean started() {
        return thread != null;
    }

    synchronized Thread thread() {
        return thread;
    }

    /** Closes this process's pipe ends once (the feeder's {@code reader_close(); writer_close()}). */
    void closePipes() {
        synchronized (this) {
            if (pipesClosed) {
                return;
            }
            pipesClosed = true;
        }
        reader.close();
        writer.close();
    }

    private void start() {
        hook();
        Thread t = new Thread(this, "QueueFeederThread");
        t.setDaemon(true);
        thread = t;
        RUNNING.add(this);
        try {
            t.start();
        } catch (RuntimeException | Error e) {
            thread = null;
            RUNNING.remove(this);
            throw e;
        }
    }

    @Override
    public void run() {
        try {
            feed();
        } finally {
            RUNNING.remove(this);
        }
    }

    private void feed() {
        while (true) {
            Object obj = null;
            try {
                synchronized (this) {
                    if (buffer.isEmpty()) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // a daemon thread of the implementation: an interrupt is not a request to stop
                        }
                    }
                }
                while (true) {
                    synchronized (this) {
                        obj = buffer.pollFirst();
                    }
                    if (obj == null) {
                        break; // IndexError: the buffer is empty
                    }
                    if (obj == SENTINEL) {
                        closePipes();
                        return;
                    }
                    byte[] b = PickleCodec.dumps(obj == NONE ? null : obj);
                    wlock.acquire();
                    try {
                        writer.sendBytes(b);
                    } finally {
                        wlock.release();
                    }
                }
            } catch (RuntimeException e) {
                if (disposed) {
                    return;
                }
                if (ignoreEpipe && e instanceof OSError os && Long.valueOf(32).equals(os.errno())) {
                    return;
                }
                sem.release();
                System.err.println("Exception in QueueFeederThread while sending " + (obj == NONE ? "None" : obj) + ":");
                e.printStackTrace();
            }
        }
    }

    private static void hook() {
        if (!hooked) {
            synchronized (Feeder.class) {
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(Feeder::atExit, "pyconc-queue-finalizers"));
                    hooked = true;
                }
            }
        }
    }

    private static void atExit() {
        for (Feeder f : RUNNING.toArray(new Feeder[0])) {
            f.tellToQuit();
        }
        for (Feeder f : RUNNING.toArray(new Feeder[0])) {
            if (!f.joinCancelled && !f.createdHere) {
                Thread t = f.thread();
                try {
                    if (t != null) {
                        t.join();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
