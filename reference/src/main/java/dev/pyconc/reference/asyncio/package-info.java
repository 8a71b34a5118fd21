/**
 * The reference's {@code asyncio}: an event loop in Java, futures and tasks with Python's cancellation, and
 * ports of {@code asyncio/locks.py} and {@code asyncio/queues.py} that read beside CPython's.
 *
 * <h2>The loop, futures and tasks</h2>
 * (written with the loop: RefEventLoop, RefFuture, RefTask, RefCoro.)
 *
 * <h2>The primitives and queues</h2>
 * (written with the primitives: RefLock, RefEvent, RefCondition, RefSemaphore, RefBoundedSemaphore, RefBarrier,
 * RefQueue and its LIFO and priority kinds.)
 */
package dev.pyconc.reference.asyncio;
