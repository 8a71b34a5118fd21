/**
 * pyconc's reference implementation of the SPI (adapter name {@code reference}): Python 3.14's documented
 * behaviour of every module of {@link dev.pyconc.spi.PyModule}, in Java; {@code threading} and {@code queue} in
 * this package, each other module in the subpackage named by its {@link dev.pyconc.spi.PyModule#key() key}.
 *
 * <h2>Design: CPython's layering</h2>
 * {@link dev.pyconc.reference.PrimitiveLock}, Python's {@code _thread.lock} (a lock without owner), is built on
 * {@link java.util.concurrent.locks.AbstractQueuedSynchronizer} with state 0/1. Apart from the fast paths below
 * ({@code RLock} and the semaphores have synchronizers of their own, {@code SimpleQueue} a structure of its own),
 * everything else is a line-by-line port of how CPython composes its classes over that lock, so that the
 * observable behaviour (which waiter wakes, when a timeout is checked, which exception comes first) follows
 * CPython's rather than {@code java.util.concurrent}'s:
 * <ul>
 *   <li>{@code RLock}: an owner thread and a recursion count (as the C {@code _thread.RLock}), with the
 *       {@code _release_save}/{@code _acquire_restore}/{@code _is_owned} hooks that {@code Condition} uses to release
 *       every recursion level while waiting (see "Fast paths" for where they live).</li>
 *   <li>{@code Condition}: a FIFO list of per-waiter primitive locks, each acquired by its waiter and released by
 *       {@code notify}, so {@code notify(n)} wakes the n longest waiters; over a plain Lock it uses CPython's
 *       fallbacks (a Lock counts as "owned" when it is locked by anyone).</li>
 *   <li>{@code Event}, {@code Barrier} (filling, draining, resetting, broken), {@code Timer}: a {@code Condition}
 *       over a {@code Lock}, as in {@code Lib/threading.py}; {@code Semaphore}/{@code BoundedSemaphore} are written
 *       that way in CPython too, but here they are a counter in a synchronizer (see "Fast paths").</li>
 *   <li>{@code Queue}/{@code LifoQueue}/{@code PriorityQueue}: one mutex and three conditions, as in
 *       {@code Lib/queue.py}, including 3.13's {@code shutdown}; the priority order is a port of {@code heapq} over
 *       {@link dev.pyconc.spi.PyValues#compare}. {@code SimpleQueue} validates its timeout like the C version.</li>
 * </ul>
 * Why not map to {@code java.util.concurrent} directly: its classes differ from Python in exactly the places the
 * cases probe (a {@code ReentrantLock} cannot be released by another thread, {@code Semaphore} has no bound,
 * {@code CyclicBarrier} numbers arrivals backwards and has no draining phase, {@code BlockingQueue} has no
 * {@code task_done}/{@code join}/{@code shutdown}), and re-deriving Python's behaviour on top of them would be
 * a second, unreviewed design. Porting CPython's own layering keeps one source of truth. The fast paths below
 * borrow the JDK's technique (a synchronizer with Python's state in it), not its classes.
 *
 * <h2>Fast paths: locks, semaphores, Event, local</h2>
 * The reference is meant to be about as fast as {@code java.util.concurrent} (the bench module measures it; issue
 * 14 set the targets). Where a primitive's uncontended
 * path was several locks deep in the port of CPython's Python code, it now keeps its state in one
 * {@code AbstractQueuedSynchronizer} (or its {@code long} twin), as the JDK's own classes do. This is where speed
 * and readability pull apart: a reader comparing with {@code Lib/threading.py} meets a compare-and-set loop where
 * CPython has a {@code with self._cond:} block, so each class says which lines of CPython it stands for. Every
 * blocking acquire of these classes shares one slow path ({@code Waits}): the thread is marked as waiting for
 * {@code RefContext.isWaiting}, a Java interrupt does not end the wait (see below), and timeouts are measured on
 * {@link java.lang.System#nanoTime()} from the call, so a wake-up without the lock or unit never ends a wait early.
 * <ul>
 *   <li>{@code Lock} ({@code PrimitiveLock}): unchanged, one compare-and-set to acquire and one to release; the
 *       slow path only starts after a non-blocking try failed, so an uncontended call never touches the
 *       context's set of waiting threads. Contended, waiters queue in the synchronizer and a releaser may barge
 *       ahead of them, which Python allows (the docs promise no order for Lock).</li>
 *   <li>{@code RLock} ({@code ReentrantLock}): the C {@code _thread.RLock} keeps an owner, a count and a lock;
 *       here the count is the synchronizer's state and the owner its exclusive owner thread (as in the nonfair
 *       {@code Sync} of {@link java.util.concurrent.locks.ReentrantLock}). A first acquire is one compare-and-set
 *       of 0 to 1, a re-entry by the owner a plain increment of the state (only the owner writes it), a release a
 *       decrement, and the last release clears the owner before the volatile write of 0 that publishes the
 *       critical section. {@code release} by a thread that is not the owner raises CPython's RuntimeError before
 *       anything changes. {@code _release_save} releases all levels at once and returns owner and count;
 *       {@code _acquire_restore} acquires with the saved count in one step and puts the saved owner back, as the
 *       C code does. One difference no caller can reach: CPython's {@code _release_save} would release a lock
 *       another thread holds, while here only the owner can release; {@code Condition} always checks
 *       {@code _is_owned} first, so the call never comes from another thread.</li>
 *   <li>{@code Semaphore}/{@code BoundedSemaphore} ({@code RefSemaphore}): CPython's counter guarded by
 *       {@code Condition(Lock())} becomes the shared-mode state of a synchronizer (as in the nonfair {@code Sync}
 *       of {@link java.util.concurrent.Semaphore}). {@code acquire} is one compare-and-set that takes a unit when
 *       the counter is above zero; otherwise a non-blocking call returns False, a timeout of zero or less returns
 *       False (CPython's loop takes one more look and then finds its deadline passed), a NaN timeout waits without
 *       limit (CPython's loop never sees NaN as expired and keeps re-checking until a release), and a positive
 *       timeout is checked as the lock acquire inside {@code Condition.wait} checks it (OverflowError above
 *       {@code TIMEOUT_MAX}), only when the call has to wait, as in CPython. {@code release(n)} adds n in one
 *       compare-and-set and the synchronizer wakes the first waiter; each waiter that takes a unit and sees units
 *       left wakes the next, so n units let through at most n waiters, the effect of CPython's
 *       {@code notify(n)}. The BoundedSemaphore's bound is tested inside the same compare-and-set loop, so a
 *       refused release raises ValueError with the counter unchanged and no unit is ever visible above the bound.
 *       Python does not promise which waiter a release wakes, and in CPython a thread arriving at
 *       {@code acquire} may take a unit before a woken waiter re-acquires the condition's lock; both are true
 *       here too. One difference: Python's counter is unbounded, this one is a {@code long}, and a release past
 *       2<sup>63</sup>-1 raises OverflowError instead of wrapping.</li>
 *   <li>{@code Event.wait}: a set flag (volatile) is returned without taking the condition's lock; CPython reads
 *       it under that lock, which nothing holds for longer than a {@code set()} or {@code clear()}, so the answer
 *       is one the locked read could give. An unset flag takes CPython's path.</li>
 *   <li>{@code threading.local}: one hash lookup per attribute read instead of two.</li>
 * </ul>
 *
 * <h2>Fast paths: Condition and the queue classes</h2>
 * For the same reason, these are the shortcuts taken
 * in {@code Condition}, {@code Queue}/{@code LifoQueue}/{@code PriorityQueue} and {@code SimpleQueue}, and why
 * none changes what a Python program can observe.
 * <ul>
 *   <li>{@code Condition}, re-acquiring after a wait ({@code RefCondition.reacquire}): CPython's waiter blocks on
 *       the condition's lock as soon as its own waiter lock is released, although the notifier still holds the
 *       condition's lock for the rest of its {@code with} block; in Java that costs a second park and unpark.
 *       Over this package's Lock and RLock the woken waiter first reads {@code locked()} up to 100 times
 *       ({@link java.lang.Thread#onSpinWait()} between reads) and then calls {@code _acquire_restore} as
 *       CPython does. Reading {@code locked()} takes nothing and wakes no one, so every acquisition happens in
 *       the same order with the same result; a lock of another class is never read (its {@code locked()} could
 *       have effects). {@code notify(n)} still releases the waiter locks of the n longest waiters, in FIFO order.
 *       This is the one place where the Java reads differently from {@code threading.py}'s
 *       {@code self._acquire_restore(saved_state)}: the spin is a loop of three lines before that call.</li>
 *   <li>{@code Condition()} without a lock argument, waking late ({@code RefCondition.withOwnRLock}): its RLock
 *       is made by the condition and reachable through it only, so every release of it passes through the
 *       condition ({@code release}, leaving a {@code with} block, {@code _release_save} in {@code wait}). There a
 *       {@code notify} takes the n longest waiters off the list and marks them, as CPython's does, but releases
 *       their waiter locks only when the notifier lets the RLock go (its last recursion level), just after.
 *       Released at once, as in {@code threading.py}, a waiter would wake while its notifier still holds the
 *       lock and park again on it (twice the wake-ups; the ping-pong row took about three times
 *       {@code java.util.concurrent}'s time); {@code java.util.concurrent}'s ConditionObject defers the same way
 *       (a signal moves the node to the lock's queue). Nothing a program can see changes: a notified waiter
 *       could not return from {@code wait} before it holds the lock again anyway, the waiters chosen and their
 *       order are those CPython picks, and a timed waiter whose timeout ends after a notify chose it but before
 *       its waiter lock was released returns True, as it would have in CPython (it checks its mark). A
 *       {@code Condition(lock)} over a lock the caller also holds keeps CPython's immediate release, since that
 *       lock can be released without the condition seeing it.</li>
 *   <li>{@code Condition.notifyOwned()}, used only by the queue classes: a {@code notify()} without the
 *       {@code _is_owned} test (the queue holds its mutex, the only lock of its three conditions, which no caller
 *       can reach) that returns at once when no thread waits. Every change to the waiter list is made under that
 *       mutex, so the queue reads the list's emptiness without the list's monitor.</li>
 *   <li>{@code Queue}, {@code LifoQueue}, {@code PriorityQueue}: {@code with self.not_full:} and its siblings are
 *       written as the mutex's acquire and a {@code try/finally} release (what entering and leaving those blocks
 *       do; a comment names the block), so {@code put_nowait} and {@code get_nowait} allocate nothing; None is
 *       stored as one private sentinel object instead of a box per item ({@code Stores.NONE}). The logic of
 *       {@code queue.py} (checks, their order, which exception comes first, {@code task_done}, {@code shutdown})
 *       is unchanged line for line.</li>
 *   <li>{@code SimpleQueue} on its own structure rather than a Condition, as {@code _queuemodule.c} of CPython
 *       3.13 and later (a buffer of items and the interpreter's parking lot): a deque of items and a FIFO list of
 *       waiting getters under one monitor held only for a few statements. A {@code put} that finds a getter
 *       waiting hands the item to the one that has waited longest, so a later {@code get_nowait} cannot take
 *       it first (as in CPython, and unlike the Condition version, where a woken getter could find the item
 *       gone). A getter that times out returns the item if one was handed to it first, else raises
 *       {@code Empty}; one that leaves with an exception (KeyboardInterrupt, the adapter closed) gives a handed
 *       item to the next getter or back to the head, so no item is lost. Before it parks, a getter checks its
 *       slot up to 128 times ({@code onSpinWait}; not at all on a machine with one CPU), and a {@code put} unparks
 *       only a getter that has said it parked: with producer and consumer running on two cores at once, most
 *       items arrive within the spin. The spin is bounded, so a getter with nothing to take parks within
 *       microseconds; a Java interrupt is handled as in {@code PrimitiveLock} (the wait goes on, the flag comes
 *       back), and the thread counts as blocked for {@code isBlocked} while it waits.</li>
 * </ul>
 *
 * <h2>Timeouts and arguments</h2>
 * Timeouts are seconds as {@code double}. Lock and RLock acquire, SimpleQueue get and Thread join convert them as
 * CPython does (NaN: ValueError; beyond 64-bit nanoseconds: OverflowError; a non-blocking call with a timeout or a
 * negative timeout other than -1: ValueError; above {@code TIMEOUT_MAX}: OverflowError). The Python-level classes
 * compute deadlines on a monotonic clock ({@link java.lang.System#nanoTime()}) and re-check them in loops, so a
 * spurious wake-up never ends a wait early.
 *
 * <h2>Java interrupts</h2>
 * A Python thread cannot be interrupted, so a Java interrupt does not end a wait here: the call keeps waiting and
 * the interrupt flag is set again when it returns. The one exception is {@link
 * dev.pyconc.reference.ReferenceAdapter#close()}: it interrupts the threads started through the adapter, and a
 * call interrupted after close raises {@code RuntimeError} so that the thread can end.
 *
 * <h2>Signals</h2>
 * Only the simulated signals of {@code _thread.interrupt_main(signum)} exist, and only SIGINT has a Python
 * handler, the default one that raises {@code KeyboardInterrupt}; every other signal counts as {@code SIG_DFL}, so
 * {@code interrupt_main} does nothing for it. A pending SIGINT is delivered as Python delivers signals, to the main
 * thread only: the main Java thread is interrupted, and the blocking call it is in or next makes raises
 * {@code KeyboardInterrupt} (see {@code RefContext}).
 *
 * <h2>Threads</h2>
 * {@code threading.Thread} runs on a Java platform thread (always a Java daemon thread; the Python daemon flag is
 * kept and reported). The Java thread that creates the adapter is {@code main_thread()} (with
 * {@code ReferenceAdapter.withMainThread()}, a thread of the adapter's own that runs case code handed to it); any
 * other Java thread
 * that asks for {@code current_thread()} gets a {@code Dummy-N} object that stays in {@code enumerate()} while
 * its Java thread lives. {@code get_ident()} is the Java thread id; {@code get_native_id()} reads
 * {@code /proc/thread-self} (Linux only: elsewhere the NATIVE_THREAD_ID feature is absent). A Java throwable
 * that is not a Python exception and escapes a thread's {@code run()} reaches {@code threading.excepthook} as an
 * {@code Exception} whose type name is the Java class name. {@code stack_size(size)} accepts 0 or at least the
 * documented 32 KiB; CPython may demand more on a given machine (it also asks the OS for its minimum), and the
 * size is handed to {@link java.lang.Thread#Thread(ThreadGroup, Runnable, String, long)}, which the JVM may treat
 * as a hint.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html">threading</a>
 * @see <a href="https://docs.python.org/3/library/queue.html">queue</a>
 */
package dev.pyconc.reference;
