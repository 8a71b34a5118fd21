/**
 * Cases for {@code asyncio}'s synchronization primitives and queues.
 *
 * <p>Each case runs its coroutines with {@code asyncio.run} ({@link dev.pyconc.spi.asyncio.AsyncioModule#run}) and
 * steps the loop instead of waiting on wall time: one task runs at a time and control changes hands only at an
 * await, so {@link dev.pyconc.spec.cases.asyncio.Aio#steps} ({@code await asyncio.sleep(0)} n times) is an exact
 * clock, as in CPython's own {@code test_locks.py}. Real timeouts appear only where the behaviour is a timeout.
 * Anything a case awaits that a broken implementation might never finish is awaited through
 * {@link dev.pyconc.spec.cases.asyncio.Aio#bounded}, so such a case fails instead of hanging.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html">asyncio synchronization primitives</a>
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html">asyncio queues</a>
 */
package dev.pyconc.spec.cases.asyncio;
