/**
 * The reference {@code concurrent.futures}: {@code Future}, {@code ThreadPoolExecutor} (workers are
 * {@code threading} threads of the adapter), {@code wait} and {@code as_completed}; read it beside CPython's
 * {@code Lib/concurrent/futures/_base.py} and {@code thread.py}. The classes keep CPython's structure (a future's
 * five states, its callback and waiter lists, {@code _WorkItem.run}, the worker loop, {@code _adjust_thread_count},
 * the None sentinel, the broken pool), but three places take a faster path than a line-by-line port would, so that
 * a no-op task costs about what it costs in {@code java.util.concurrent} (issue 14). Each is described here with
 * the reason it keeps the documented behaviour.
 *
 * <h2>Future: one lock, a volatile state, an event only for a thread that must block</h2>
 * CPython guards a future with one {@code threading.Condition}: every query and change takes its lock, and
 * {@code result()} waits on it. Here ({@code RefFuture}):
 * <ul>
 *   <li>The state is a volatile field. {@code done()}, {@code running()}, {@code cancelled()} read it without a
 *       lock, and so do {@code result()} and {@code exception()} on a future that is already done. The outcome
 *       fields are written before the state becomes FINISHED, so a reader that sees FINISHED sees the outcome.
 *       A future's state only moves forward, so reading it without the lock answers what a locked read at that
 *       instant would.</li>
 *   <li>Changes to a done state, and the waiter and callback lists, stay under a lock, as in CPython: the future
 *       itself is that lock (it extends {@code AbstractQueuedSynchronizer}; this is for speed only: a submitted
 *       task is then a single object, like the JDK's {@code FutureTask}, where a separate lock cost two more
 *       allocations per task; for the same reason what only some futures need, the callback and waiter lists, the
 *       event below and the locking order, sits in a small object made on first use). So {@code wait}/{@code as_completed} still lock every future in a global order,
 *       look at the states and install their waiter, and no future can finish unheard in between, exactly as
 *       {@code _AcquireFutures} does. The one change made without the lock is pending to running (a
 *       compare-and-set in {@code set_running_or_notify_cancel}); waiters and callbacks never hear of it, and
 *       {@code cancel()} retries if it loses that race, so a running future is never cancelled.</li>
 *   <li>A thread that has to wait for the outcome blocks on a {@code threading.Event} of the adapter, made by the
 *       first such thread and set when the future becomes done (cancel or outcome): CPython's
 *       {@code notify_all}. The event is made under the future's lock after a last look at the state, and a
 *       finisher changes the state under that lock before it looks for the event, so no wake-up is lost.
 *       Blocking on an adapter primitive keeps the thread visible as blocked in the adapter (hung-case dumps),
 *       lets {@code interrupt_main} reach a main thread waiting in {@code result()}, and wakes it when the
 *       adapter closes, as a wait on the Condition did.</li>
 *   <li>Callbacks run after the lock is released, in the order they were added, on the thread that finished or
 *       cancelled the future (CPython's {@code _invoke_callbacks}); a callback added to a done future runs at once
 *       on the adding thread. The list is not copied: once the future is done nobody can append to it.</li>
 * </ul>
 *
 * <h2>The work queue: lock-free, with a sleeping worker woken through an adapter lock</h2>
 * CPython's {@code _work_queue} is a {@code queue.SimpleQueue}. Here the items are in a
 * {@link java.util.concurrent.ConcurrentLinkedQueue} with a count of items that can be claimed; a worker that finds
 * none counts itself as a sleeper, looks once more, and blocks acquiring a {@code threading.Lock} of the adapter
 * that stays locked while no wake-up is due (CPython's Condition blocks its waiters on locks the same way). A
 * submit touches that lock only when a worker sleeps, and wakes one worker at a time; a woken worker that leaves
 * items behind wakes the next one (as {@code LinkedBlockingQueue} does), so the submitting thread does not pay for
 * waking every idle worker. Items still leave in FIFO order, the None sentinel still wakes the workers one after
 * another at shutdown, and an idle worker is still blocked in an adapter call, visible in dumps and woken by
 * close. Speed and readability pull apart most here: the sleeper count, the "wake-up in flight" flag and the
 * re-check are a hand-written protocol (each step is commented in {@code WorkQueue}) where CPython has one C type.
 *
 * <h2>The idle count</h2>
 * CPython's {@code _idle_semaphore} is only ever released by a worker and tried with {@code acquire(timeout=0)}
 * by {@code submit}; nobody blocks on it. An {@link java.util.concurrent.atomic.AtomicInteger} counting the same
 * thing does its job without a lock. As in CPython 3.14's worker, a worker counts itself idle only when it finds
 * the queue empty (not after every task), so {@code submit} starts a new worker, up to {@code max_workers}, unless
 * one is idle.
 *
 * <p>What stays as in CPython: {@code submit} holds the executor's shutdown lock while it checks the broken and
 * shutdown flags, queues the item and adjusts the thread count; {@code *args} and {@code **kwargs} are copied (a
 * new tuple and dict in Python); a failing initializer breaks the pool and fails the queued futures with
 * {@code BrokenThreadPool}; {@code shutdown(cancel_futures=True)} cancels what is queued; worker names are
 * {@code thread_name_prefix + "_" + n}; {@code max_workers} defaults to {@code min(32, process_cpu_count() + 4)}.
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html">concurrent.futures</a>
 */
package dev.pyconc.reference.futures;
