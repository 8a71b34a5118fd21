package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.RLock;
import java.util.List;

/**
 * A multiprocessing context: the module's API with one start method fixed ({@code get_context('spawn')}), or
 * the module itself, whose start method is the global one ({@link MultiprocessingModule}). Objects made by a
 * context serve processes started by it.
 *
 * <p>The synchronization objects reuse the {@code threading} interfaces, as multiprocessing documents them as
 * clones, with these differences: {@code acquire}'s first argument is named {@code block}; a Lock released when
 * unlocked raises {@code ValueError}; an RLock released by a non-owner raises {@code AssertionError}; a
 * Semaphore's {@code release()} takes no count.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#contexts-and-start-methods">Contexts and start methods</a>
 */
public interface Context {
    /** {@code Process(...)}: a new, unstarted process of this context. */
    PyProcess process(ProcessOptions options);

    /** {@code Pipe()}: a duplex pair of connections. */
    default List<Connection> pipe() {
        return pipe(true);
    }

    /** {@code Pipe(duplex)}: when not duplex, the first can only receive and the second only send. */
    List<Connection> pipe(boolean duplex);

    /** {@code Queue()}: unbounded. */
    Queue queue();

    /** {@code Queue(maxsize)}: at most maxsize items (≤ 0: unbounded). */
    Queue queue(long maxsize);

    /** {@code JoinableQueue()}. */
    JoinableQueue joinableQueue();

    /** {@code JoinableQueue(maxsize)}. */
    JoinableQueue joinableQueue(long maxsize);

    /** {@code SimpleQueue()}. */
    SimpleQueue simpleQueue();

    /** {@code Lock()}: a non-recursive lock shared by processes. */
    Lock lock();

    /** {@code RLock()}: a recursive lock shared by processes; the owner is a thread of one process. */
    RLock rlock();

    /** {@code Semaphore()}: value 1. */
    Semaphore semaphore();

    /** {@code Semaphore(value)}. */
    Semaphore semaphore(long value);

    /** {@code BoundedSemaphore()}: value 1. */
    BoundedSemaphore boundedSemaphore();

    /** {@code BoundedSemaphore(value)}. */
    BoundedSemaphore boundedSemaphore(long value);

    /** {@code Condition()}: with a new RLock of this context. */
    Condition condition();

    /** {@code Condition(lock)}: lock is a Lock or RLock of this context. */
    Condition condition(LockLike lock);

    /** {@code Event()}. */
    Event event();

    /** {@code Barrier(parties)}. */
    Barrier barrier(long parties);

    /** {@code Barrier(parties, action, timeout)}; action (a routine) and timeout may be null. */
    Barrier barrier(long parties, PyCallable action, Double timeout);

    /** {@code Pool(...)}: worker processes of this context. */
    Pool pool(PoolOptions options);

    /** {@code get_context(method)}: the context of that start method, None for the default one. */
    Context getContext(String method);

    /** {@code get_start_method()}: this context's method (the module: the global one, fixing the default if unset). */
    String getStartMethod();

    /** {@code get_start_method(allow_none)}: None instead of fixing the default when the global one is unset. */
    String getStartMethod(boolean allowNone);

    /**
     * {@code set_start_method(method, force)}: sets the global start method (None with force clears it).
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError when already set and force is false
     * @throws dev.pyconc.spi.exceptions.ValueError for an unknown method
     */
    void setStartMethod(String method, boolean force);

    /** {@code get_all_start_methods()}: the supported methods, the default first. */
    List<String> getAllStartMethods();

    /** {@code cpu_count()}: the number of CPUs in the system. */
    long cpuCount();

    /** {@code current_process()}: the process running this code. */
    PyProcess currentProcess();

    /** {@code parent_process()}: the parent's process object, None in the main process. */
    PyProcess parentProcess();

    /** {@code active_children()}: the live children of the current process (reaps the finished ones). */
    List<PyProcess> activeChildren();
}
