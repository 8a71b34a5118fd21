/**
 * {@code asyncio}'s synchronization primitives and queues, and the few pieces of asyncio that Java code needs to
 * drive them: running a loop, awaiting, creating tasks, {@code wait_for}, {@code timeout} and {@code gather}.
 *
 * <h2>The model</h2>
 * A coroutine is written in Java as a {@link dev.pyconc.spi.asyncio.CoroutineFunction}: a body that receives a
 * {@link dev.pyconc.spi.asyncio.Coroutine} and does through it what Python code inside an {@code async def} does
 * ({@code await}, {@code async with}, {@code asyncio.create_task}, ...). {@link
 * dev.pyconc.spi.asyncio.AsyncioModule#run} is {@code asyncio.run}: it makes a new event loop, runs the body as
 * the loop's main task and returns what it returns.
 *
 * <p>Execution is cooperative, exactly as in Python: one task of a loop runs at a time and control changes hands
 * only at an {@code await} that has to wait. A body therefore runs as a straight-line Java method; while it runs
 * (between two awaits) nothing else of the loop runs, and what it reads cannot change under it. Cases step the
 * loop instead of waiting on wall time: {@code co.sleep(0)} lets every task that is ready take one step, so "after
 * three {@code sleep(0)}" is as exact here as in CPython's own tests. Real timeouts appear only where the
 * behaviour is a timeout ({@code wait_for}, {@code asyncio.timeout}).
 *
 * <p>An adapter may run a body on a Java thread of its own (the reference does, one thread per task, handing the
 * loop over at each await; the cpython bridge runs each call on the loop's thread in the interpreter), so a body
 * must use only its own {@code Coroutine} and must not hand it to other Java threads. Cancellation of the task
 * reaches the body as {@link dev.pyconc.spi.exceptions.AsyncioCancelledError} thrown by the {@code await} it is
 * suspended in, as {@code CancelledError} is raised at the suspended {@code await} in Python; a body that catches
 * it and goes on has swallowed the cancellation, as in Python.
 *
 * <h2>What may be called where</h2>
 * The awaitables and the methods of the primitives, queues and tasks are called from a body running in the loop
 * ({@code asyncio} objects are not thread-safe: that is what the docs' notes say). Creating a primitive or a queue
 * outside a running loop is allowed, as in Python 3.10 and later; it binds to the loop that first uses it. The
 * methods that never wait ({@code locked()}, {@code release()}, {@code put_nowait}, ...) are plain Java methods;
 * the coroutine methods ({@code acquire()}, {@code wait()}, {@code get()}, ...) return an
 * {@link dev.pyconc.spi.asyncio.Awaitable}, a coroutine object that does nothing until it is awaited or wrapped
 * in a task, and that may be awaited once.
 *
 * <h2>Memory effects</h2>
 * All tasks of a loop see each other's writes: a body resumes only after the loop handed control to it, and the
 * hand-over is a happens-before edge in every adapter (the reference hands over through a lock; CPython runs the
 * loop on one thread).
 *
 * <h2>Names</h2>
 * {@code wait}, {@code notify} and {@code notify_all} are {@code await}, {@code signal} and {@code signalAll},
 * as everywhere in the SPI; {@code async with} is {@link dev.pyconc.spi.asyncio.Coroutine#asyncWith}; the
 * exception classes whose Python names are also used by other modules get an {@code Asyncio} prefix (see the
 * table in {@link dev.pyconc.spi}).
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html">asyncio: Synchronization Primitives</a>
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html">asyncio: Queues</a>
 */
package dev.pyconc.spi.asyncio;
