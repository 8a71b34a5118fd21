/**
 * Cases for Python's {@code queue} module: {@code Queue}, {@code LifoQueue}, {@code PriorityQueue} and
 * {@code SimpleQueue}, their Empty/Full/ShutDown exceptions, task tracking and shutdown.
 *
 * <p>Queue objects expose almost no waiting state, so the multi-thread cases are built to be right whichever
 * thread runs first: a helper that has not reached its blocking call yet must end the same way as one that
 * has, and {@code Harness.awaitBlocked} only makes it likelier that the blocking path is the one exercised.
 *
 * @see <a href="https://docs.python.org/3/library/queue.html">queue</a>
 */
package dev.pyconc.spec.cases.queue;
