/**
 * Cases for Python's {@code queue} module: {@code Queue}, {@code LifoQueue}, {@code PriorityQueue} and
 * {@code SimpleQueue}, their Empty/Full/ShutDown exceptions, task tracking and shutdown.
 *
 * <p>What the {@code queue} and {@code asyncio} docs both promise of their Queue, LifoQueue and PriorityQueue
 * (maxsize, the size queries, the nowait forms and their exceptions, task counting, what shutdown does at once)
 * is {@link dev.pyconc.spec.cases.queue.QueueContract}, bound here by {@code QueueCases}, {@code LifoQueueCases}
 * and {@code PriorityQueueCases} and in {@code cases.asyncio} by the classes of the same names.
 *
 * <p>Queue objects expose almost no waiting state, so the multi-thread cases are built to be right whichever
 * thread runs first: a helper that has not reached its blocking call yet must end the same way as one that
 * has, and {@code Harness.awaitBlocked} only makes it likelier that the blocking path is the one exercised.
 *
 * @see <a href="https://docs.python.org/3/library/queue.html">queue</a>
 */
package dev.pyconc.spec.cases.queue;
