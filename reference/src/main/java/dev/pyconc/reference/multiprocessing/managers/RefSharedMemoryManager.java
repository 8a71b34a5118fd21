package dev.pyconc.reference.multiprocessing.managers;

import dev.pyconc.reference.multiprocessing.process.RefProcess;
import dev.pyconc.reference.multiprocessing.process.Routines;
import dev.pyconc.reference.multiprocessing.shm.RefShareableList;
import dev.pyconc.reference.multiprocessing.shm.RefSharedMemory;
import dev.pyconc.reference.multiprocessing.shm.Tracker;
import dev.pyconc.spi.PyContextManager.Held;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.ProcessError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code multiprocessing.managers.SharedMemoryManager}, as CPython's: {@link #start()} starts a manager process
 * (a {@code Process} of the given context, named {@code SharedMemoryManager-N}, so it is among
 * {@code active_children()} while it runs) running {@link SharedMemoryServer}; {@link #sharedMemory(long)} and
 * {@link #shareableList(List)} create the block in the calling process, then ask the server to record its name
 * ({@code track_segment}); {@link #shutdown()} makes the server unlink every recorded block and exit, then joins
 * it (1 second, then SIGTERM and 1 second, then SIGKILL: managers.py's {@code _finalize_manager} with its default
 * {@code shutdown_timeout}). The manager talks to its process over a duplex Pipe rather than a listening socket.
 *
 * <p>CPython's server unlinks through the resource tracker process the caller shares, so the caller's
 * registrations end with the unlink; the reference's {@link Tracker} lives in each JVM, so after the server
 * confirmed the unlinking the manager unregisters the names it created here.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.managers.SharedMemoryManager">SharedMemoryManager</a>
 */
public final class RefSharedMemoryManager implements dev.pyconc.spi.multiprocessing.SharedMemoryManager {
    /** managers.py's {@code State}. */
    private enum State { INITIAL, STARTED, SHUTDOWN }

    private static final double SHUTDOWN_TIMEOUT = 1.0;
    /** How long a request may wait for the server's answer before the manager gives up on it. */
    private static final double REQUEST_TIMEOUT = 30.0;

    private final Context ctx;
    private final Object owner;
    private final Runnable onShutdown;
    private State state = State.INITIAL;
    private RefProcess process;
    private Connection conn;
    private final List<String> created = new ArrayList<>();

    /**
     * {@code SharedMemoryManager(ctx=ctx)}.
     *
     * @param ctx the context whose Pipe and Process the manager uses
     * @param owner the owner the manager's process is registered under for clean-up ({@link RefProcess#cleanUp})
     * @param onShutdown called once the manager is shut down (the module forgets it); may be null
     */
    public RefSharedMemoryManager(Context ctx, Object owner, Runnable onShutdown) {
        this.ctx = ctx;
        this.owner = owner;
        this.onShutdown = onShutdown;
    }

    /**
     * {@code start()}: starts the manager process.
     *
     * @throws ProcessError {@code Already started server} when started; {@code Manager has shut down} after shutdown
     */
    @Override
    public synchronized void start() {
        if (state == State.STARTED) {
            throw new ProcessError("Already started server");
        }
        if (state == State.SHUTDOWN) {
            throw new ProcessError("Manager has shut down");
        }
        List<Connection> pipe = ctx.pipe(true);
        RefProcess p;
        try {
            p = RefProcess.create("SharedMemoryManager",
                    ProcessOptions.of(new Routines.InternalTarget(SharedMemoryServer.class.getName()), pipe.get(1)),
                    null, owner);
            p.start();
        } catch (RuntimeException | Error e) {
            pipe.get(0).close();
            pipe.get(1).close();
            throw e;
        }
        pipe.get(1).close();
        process = p;
        conn = pipe.get(0);
        state = State.STARTED;
    }

    /**
     * {@code shutdown()}: the server unlinks every block made through this manager and exits; the process is
     * joined (bounded, see the class comment). A second call does nothing.
     *
     * @throws AttributeError before {@code start()}: CPython binds {@code shutdown} only when starting
     */
    @Override
    public synchronized void shutdown() {
        if (state == State.INITIAL) {
            throw new AttributeError("'SharedMemoryManager' object has no attribute 'shutdown'");
        }
        if (state == State.SHUTDOWN) {
            return;
        }
        boolean unlinked = false;
        try {
            if (process.isAlive()) {
                request("shutdown");
                unlinked = true;
            }
        } catch (RuntimeException e) {
            // as _finalize_manager: a manager that cannot be told is stopped below all the same
        } finally {
            conn.close();
            process.join(SHUTDOWN_TIMEOUT);
            if (process.isAlive()) {
                process.terminate();
                process.join(SHUTDOWN_TIMEOUT);
                if (process.isAlive()) {
                    process.kill();
                    process.join(SHUTDOWN_TIMEOUT);
                }
            }
            state = State.SHUTDOWN;
            if (unlinked) {
                for (String name : created) {
                    Tracker.unregister("/" + name);
                }
            }
            created.clear();
            if (onShutdown != null) {
                onShutdown.run();
            }
        }
    }

    /**
     * {@code SharedMemory(size)}: a new block of {@code size} bytes made here (a fresh {@code psm_} name, tracked),
     * whose name the manager records.
     *
     * @throws ValueError {@code address type of None unrecognized} before {@code start()} (CPython's text)
     * @throws FileNotFoundError after {@code shutdown()}: the manager's address is gone
     */
    @Override
    public SharedMemory sharedMemory(long size) {
        checkServing();
        RefSharedMemory s = RefSharedMemory.open(null, true, size, true);
        track(s);
        return s;
    }

    /**
     * {@code ShareableList(sequence)}: a new list made here holding the sequence's items, whose block the manager
     * records.
     *
     * @throws ValueError {@code address type of None unrecognized} before {@code start()}
     * @throws FileNotFoundError after {@code shutdown()}
     */
    @Override
    public ShareableList shareableList(List<Object> sequence) {
        checkServing();
        RefShareableList l = RefShareableList.create(sequence, null);
        track(l.shm());
        return l;
    }

    /** {@code __enter__}: starts an unstarted manager; {@code __exit__} shuts it down and suppresses nothing. */
    @Override
    public synchronized Held enter() {
        if (state == State.INITIAL) {
            start();
        }
        if (state == State.SHUTDOWN) {
            throw new ProcessError("Manager has shut down");
        }
        return exc -> {
            shutdown();
            return false;
        };
    }

    private synchronized void checkServing() {
        if (state == State.INITIAL) {
            throw new ValueError("address type of None unrecognized");
        }
        if (state == State.SHUTDOWN) {
            throw new FileNotFoundError(2, "No such file or directory", null);
        }
    }

    /** Records the block with the server; a block the server could not record is unlinked, as CPython's. */
    private void track(RefSharedMemory s) {
        try {
            synchronized (this) {
                checkServing();
                request("track_segment", s.name());
                created.add(s.name());
            }
        } catch (RuntimeException | Error e) {
            try {
                s.close();
                s.unlink();
            } catch (BaseException ignored) {
                // the block went already
            }
            throw e;
        }
    }

    /** managers.py's {@code dispatch}: sends the request, returns the answer or raises the server's error. */
    private Object request(Object... req) {
        conn.send(new ArrayList<>(Arrays.asList(req)));
        if (!conn.poll(REQUEST_TIMEOUT)) {
            throw new PyException("multiprocessing.managers.RemoteError",
                    "the manager process did not answer within " + REQUEST_TIMEOUT + " seconds", null);
        }
        List<?> answer = (List<?>) conn.recv();
        if ("#RETURN".equals(answer.get(0))) {
            return answer.get(1);
        }
        throw new PyException("multiprocessing.managers.RemoteError", String.valueOf(answer.get(1)), null);
    }

    /** Whether the manager process was started and not yet shut down (the module's clean-up asks). */
    public synchronized boolean isStarted() {
        return state == State.STARTED;
    }

    @Override
    public String toString() {
        return "<multiprocessing.managers.SharedMemoryManager object>";
    }
}
