package dev.pyconc.spi.multiprocessing;

import java.util.Locale;

/**
 * The child routines a case can run in another process, by name: each adapter provides every one of them
 * ({@link MultiprocessingModule#routine(Routine)}), the cpython agent as module-level functions of a module the
 * children can import, the reference as Java code its child JVMs run. A Java {@code PyCallable} cannot leave its
 * process, so a {@link ProcessOptions#target()} or a Pool task is always one of these (the precedent is
 * {@code FuturesModule.function(name)}).
 *
 * <p>Arguments are positional plain values or the SPI's process-shareable objects (a {@link Connection}, a
 * {@link Queue}, a {@link SimpleQueue}, a {@link JoinableQueue}, a lock, semaphore, {@code Condition},
 * {@code Event} or {@code Barrier} of this module), handed to the child as multiprocessing hands them (pickled,
 * or inherited). A <em>target</em> argument is where a routine reports: it calls {@code target.put(value)} when
 * the object has {@code put} (the queues) and {@code target.send(value)} otherwise (a {@link Connection}).
 * Timeouts are seconds as a double; {@code None} waits without limit. The Python name of each routine is its
 * constant's name in lower case ({@link #pythonName()}).
 */
public enum Routine {
    /** {@code noop()}: returns None at once. */
    NOOP,
    /** {@code identity(x)}: returns {@code x}. */
    IDENTITY,
    /** {@code square(x)}: returns {@code x * x}. */
    SQUARE,
    /** {@code add(a, b)}: returns {@code a + b}. */
    ADD,
    /** {@code fail(message)}: raises {@code ValueError(message)}. */
    FAIL,
    /** {@code exit(code)}: calls {@code sys.exit(code)}; code is an int, None or a str. */
    EXIT,
    /** {@code getpid(x=None)}: returns {@code os.getpid()} of the process running it (x is ignored). */
    GETPID,
    /** {@code set_global(value)}: stores {@code value} in the routine module's global (an initializer). */
    SET_GLOBAL,
    /** {@code get_global(x=None)}: returns what {@code set_global} stored in this process, None if nothing. */
    GET_GLOBAL,
    /** {@code put(target, *values)}: reports each value to target, in order. */
    PUT,
    /**
     * {@code report(target)}: reports one dict about the process running it: {@code name}, {@code pid},
     * {@code daemon}, {@code authkey} (bytes) of {@code current_process()}, and {@code parent_pid} and
     * {@code parent_name} of {@code parent_process()} (both None when it is None).
     */
    REPORT,
    /** {@code wait_message(conn)}: returns the next object {@code conn.recv()} gives, or None at EOF. */
    WAIT_MESSAGE,
    /** {@code wait_event(event, timeout, target)}: reports what {@code event.wait(timeout)} returned. */
    WAIT_EVENT,
    /** {@code set_event(event)}: calls {@code event.set()}. */
    SET_EVENT,
    /**
     * {@code hold_lock(lock, conn)}: acquires lock, sends {@code "acquired"} on conn, waits for the next message
     * on conn (or EOF), releases lock and sends {@code "released"} (if conn is still open).
     */
    HOLD_LOCK,
    /**
     * {@code acquire(lock, timeout, target)}: reports what {@code lock.acquire(True, timeout)} returned and
     * keeps the lock if it got it.
     */
    ACQUIRE,
    /**
     * {@code release(lock, target)}: calls {@code lock.release()} and reports {@code "released"}, or the
     * qualified class name of the exception it raised ({@code "builtins.ValueError"}).
     */
    RELEASE,
    /**
     * {@code increment(lock, shm_name, n, target)}: attaches the shared memory block {@code shm_name} (at least 16
     * bytes) without tracking it, reports {@code "ready"}, and waits (polling every millisecond, for at most 60
     * seconds, then TimeoutError) until byte 8 of the block is non-zero, so that the case can let several
     * children loose at once. Then n times, with lock held (or without any when lock is None): reads the 8-byte
     * little-endian signed int at offset 0, gives other processes a chance to run ({@code time.sleep(0)}), and
     * writes it back plus one. Closes the block at the end.
     */
    INCREMENT,
    /** {@code relay(source, target, n)}: n times, reports {@code source.get()} to target. */
    RELAY,
    /** {@code consume(queue, n)}: n times, {@code queue.get()} then {@code queue.task_done()}. */
    CONSUME,
    /**
     * {@code condition_wait(cond, timeout, target)}: with cond held, reports {@code "waiting"}, then reports
     * what {@code cond.wait(timeout)} returned.
     */
    CONDITION_WAIT,
    /** {@code notify_all(cond)}: with cond held, calls {@code cond.notify_all()}. */
    NOTIFY_ALL,
    /** {@code barrier_wait(barrier, target)}: reports what {@code barrier.wait()} returned. */
    BARRIER_WAIT,
    /**
     * {@code start_child(target)}: tries to start a {@code Process(target=noop)} from the process running it;
     * reports {@code "started"} (after joining it) or the qualified class name of the exception raised.
     */
    START_CHILD,
    /**
     * {@code shm_read(name, offset, length, target)}: attaches the shared memory block {@code name} without
     * tracking it, reports {@code bytes(buf[offset:offset + length])}, and closes it.
     */
    SHM_READ,
    /** {@code shm_write(name, offset, data)}: attaches the block without tracking it, writes data at offset, closes. */
    SHM_WRITE,
    /**
     * {@code await_gate(shm_name, value, timeout)}: polls byte 0 of the shared memory block {@code shm_name}
     * (attached without tracking) every 10 ms until it is non-zero, then returns value; raises
     * {@code TimeoutError} after timeout seconds. A Pool task that must not finish before the case says so
     * (Pool tasks cannot take a lock or an event).
     */
    AWAIT_GATE,
    /**
     * {@code read_stdin(target)}: reports {@code sys.stdin.read()} of the process running it (a str), or None when
     * {@code sys.stdin} is None. A child that multiprocessing started has had its inherited {@code sys.stdin}
     * closed and replaced by a file open read-only on {@code os.devnull}, so there it reports {@code ''} at once.
     */
    READ_STDIN,
    /**
     * {@code guarded_wait(shm_name, timeout, target)}: inside a {@code try} statement, reports {@code "waiting"}
     * to target, then waits as {@code await_gate(shm_name, None, timeout)} (byte 0 of the block); the
     * statement's {@code finally} clause, run whether the wait returns or raises, writes 1 to byte 1 of the block
     * (attached without tracking, closed at the end). A process killed by a signal while waiting never runs it.
     */
    GUARDED_WAIT,
    /**
     * {@code spawn_grandchild(daemon, gate_shm_name, target)}: from the process running it, starts a
     * {@code Process(target=await_gate, args=(gate_shm_name, None, 60.0), daemon=daemon)} (the grandchild of the
     * case's process) and reports its pid to target. Then, when daemon is true, it returns at once (so the
     * process's exit handling meets a daemonic child still running); otherwise it waits as
     * {@code await_gate(gate_shm_name, None, 60.0)} itself and then joins the grandchild.
     */
    SPAWN_GRANDCHILD,
    /**
     * {@code put_and_cancel(queue, value)}: calls {@code queue.cancel_join_thread()}, then
     * {@code queue.put(value)}, and returns without waiting for the item to be flushed to the queue's pipe.
     */
    PUT_AND_CANCEL,
    /**
     * {@code getppid(x=None)}: returns {@code os.getppid()} of the process running it, the pid of the process
     * that the operating system considers its parent (x is ignored).
     */
    GETPPID;

    /** The routine's Python name: the constant's name in lower case ({@code wait_message}). */
    public String pythonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
