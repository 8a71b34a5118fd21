/**
 * The reference's {@code asyncio}: an event loop in Java, futures and tasks with Python's cancellation, and
 * ports of {@code asyncio/locks.py} and {@code asyncio/queues.py} that read beside CPython's.
 *
 * <h2>The loop, futures and tasks</h2>
 * (written with the loop: RefEventLoop, RefFuture, RefTask, RefCoro.)
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
