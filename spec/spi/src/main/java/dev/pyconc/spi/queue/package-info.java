/**
 * The {@code queue} module as Java interfaces. Entry point: {@link dev.pyconc.spi.queue.QueueModule}.
 *
 * @see <a href="https://docs.python.org/3/library/queue.html">queue</a>
 */
package dev.pyconc.spi.queue;
