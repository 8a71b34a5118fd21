/**
 * The reference's {@code asyncio}: an event loop in Java, futures and tasks with Python's cancellation, and
 * ports of {@code asyncio/locks.py} and {@code asyncio/queues.py} that read beside CPython's.
 *
 * <h2>The loop, futures and tasks</h2>
 * The classes follow CPython's layering, so that each reads beside its Python source:
 * <ul>
 *   <li>{@code base_events.py}: {@link dev.pyconc.reference.asyncio.RefEventLoop}, a FIFO ready queue of
 *       callbacks ({@code call_soon}), a heap of timers ({@code call_later}, {@code call_at}) and
 *       {@code _run_once}: wait until the first timer is due (the selector's wait; nothing else can wake it but
 *       {@code call_soon_threadsafe}), move the due timers to the ready queue, run the callbacks that are ready
 *       at that moment. The loop runs on the thread that called {@code asyncio.run}.</li>
 *   <li>{@code futures.py}: {@link dev.pyconc.reference.asyncio.RefFuture}, with done callbacks scheduled by
 *       {@code call_soon}, never called in place.</li>
 *   <li>{@code tasks.py}: {@link dev.pyconc.reference.asyncio.RefTask}, whose {@code step} is
 *       {@code Task.__step} and whose cancellation is CPython's ({@code _fut_waiter}, {@code _must_cancel},
 *       {@code cancelling()}/{@code uncancel()}); {@code gather} and {@code _GatheringFuture};
 *       {@link dev.pyconc.reference.asyncio.RefCoro}, the coroutine object (started once).</li>
 *   <li>{@code timeouts.py} and {@code wait_for}: in {@link dev.pyconc.reference.asyncio.RefCoroutine}, the
 *       {@link dev.pyconc.spi.asyncio.Coroutine} a body receives ({@code wait_for} is built on {@code timeout}, as
 *       in Python 3.12 and later).</li>
 *   <li>{@code runners.py}: {@code RefEventLoop.run}: run the main task, cancel the tasks left and run the loop
 *       until they are done, then close.</li>
 *   <li>{@code mixins.py}: {@link dev.pyconc.reference.asyncio.RefLoopBound}, binding a primitive to the loop
 *       that first uses it.</li>
 * </ul>
 *
 * <h3>Coroutines on threads</h3>
 * Python suspends a coroutine by returning from its frame; Java cannot, so each task's body runs on a Java
 * thread of its own from the task's first step to its end (a body thread of the loop whose previous body has
 * ended, or a new one; they end when the loop closes), and the loop and the bodies pass one <em>turn</em>
 * between them: exactly one of {the loop thread, one body} runs at a time. {@code Task.__step} hands the turn to
 * the task's body with the value or exception to send in ({@code coro.send}/{@code coro.throw}) and waits;
 * the body runs until it has to wait, then hands the turn back with what it yields: a future not yet done
 * ({@code await fut}; the loop adds the task's wakeup to the future's callbacks), a bare yield
 * ({@code sleep(0)}: the next step is scheduled at once), or its end (returned, raised). Awaiting a coroutine
 * object runs its body in place, on the same thread, exactly as {@code await coro} runs it inside the awaiting
 * task. Every hand-over goes through the loop's one {@link java.util.concurrent.locks.ReentrantLock}, so each
 * is a happens-before edge: what a body wrote before it suspended is visible to the loop and to every body that
 * runs after it, and the loop's state needs no other synchronization, as in single-threaded Python.
 *
 * <h3>Ends</h3>
 * When {@code asyncio.run} ends, every body thread is ended and joined (within five seconds in all): bodies
 * still suspended (tasks created too late to be cancelled) are resumed one at a time with a Java
 * {@code Error} at their await, as Python closes a pending coroutine with {@code GeneratorExit}; their finally
 * blocks run with the turn, and the loop is already closed ({@code call_soon} raises RuntimeError). A task that
 * swallows the shutdown's cancellation and waits again keeps {@code asyncio.run} from returning, as in CPython;
 * such a loop, or one whose body hangs in Java code, is stopped from outside by {@code ReferenceAdapter.endCase}
 * or by interrupting the thread running the loop: suspended bodies leave by the same Error (at once, possibly
 * together: this is cleanup after a hang), the body holding the turn is interrupted, and {@code asyncio.run}
 * throws {@link java.lang.IllegalStateException}.
 *
 * <h3>Java throwables</h3>
 * A body that throws a Java throwable that is not a Python exception ends its task with a Python
 * {@code RuntimeError} whose cause is that throwable; {@code asyncio.run} rethrows the throwable itself when the
 * main task ends with it, and also when a task ended with one that nobody retrieved (CPython would only log
 * "Task exception was never retrieved"; a failed assertion must not pass unseen).
 *
 * <h2>The primitives and queues</h2>
 * Each class is a line-by-line port of its class in CPython 3.14's {@code asyncio/locks.py} or
 * {@code asyncio/queues.py}, with the same fields under Java names and each method's javadoc naming the CPython
 * method it ports; the observable choices (which waiter wakes, what a cancelled waiter does with a wake-up it was
 * given, which message an error carries) are therefore CPython's. The design they share:
 * <ul>
 *   <li>One kind of wait: a waiter appends a pending {@link dev.pyconc.reference.asyncio.RefFuture} of the running
 *       loop to a FIFO owned by the primitive and awaits it; a release, set, notify or put completes futures from
 *       the front. Completing a future only schedules its task: the woken task re-checks or takes what it was
 *       woken for when it runs, which is why every primitive deals with a waiter that was woken and then
 *       cancelled before it ran (Lock {@code _wake_up_first}, Semaphore giving its unit back, Condition passing
 *       a notify on, Queue's {@code _wakeup_next} on the same side).</li>
 *   <li>FIFO fairness: Lock and Semaphore let a newcomer take the lock or a unit at once only if no waiter that
 *       was not cancelled is queued; Semaphore's {@code _wake_up_next} takes the unit for the waiter it wakes.</li>
 *   <li>Condition keeps the underlying Lock's {@code acquire/release/locked} (any SPI {@code Lock}) and re-acquires
 *       it in {@code wait()} in a loop that survives cancellation; Barrier is a Condition with a state
 *       (filling, draining, resetting, broken); Queue's {@code join()} is an Event set when the count of unfinished
 *       tasks reaches 0.</li>
 *   <li>{@link dev.pyconc.reference.asyncio.RefLoopBound} ({@code _LoopBoundMixin}) binds an object to the loop
 *       of the first wait that needs a future, so a primitive may be made outside any loop.</li>
 *   <li>{@code async with}: {@code RefContextManager} ({@code _ContextManagerMixin}) for Lock, Condition and
 *       Semaphore; Barrier's enter is its {@code wait()}.</li>
 *   <li>The queue kinds differ only in the storage hooks ({@code _init/_put/_get}); the priority heap repeats the
 *       {@code heapq} port of the {@code queue} module's PriorityQueue.</li>
 * </ul>
 * No Java lock is involved: one task of a loop runs at a time and the loop's hand-over between tasks orders every
 * access (see {@link dev.pyconc.spi.asyncio}), so the fields are plain.
 */
package dev.pyconc.reference.asyncio;
