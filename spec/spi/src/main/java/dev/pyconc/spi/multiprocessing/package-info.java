/**
 * The SPI of {@code multiprocessing}: processes ({@link dev.pyconc.spi.multiprocessing.PyProcess}), contexts and
 * start methods ({@link dev.pyconc.spi.multiprocessing.Context}), pipes and queues, the process-shared locks (the
 * {@code threading} interfaces, see {@code Context}), pools, {@code multiprocessing.connection} and
 * {@code SharedMemoryManager}. Code runs in another process only as a named
 * {@link dev.pyconc.spi.multiprocessing.Routine}, which every adapter provides.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html">multiprocessing</a>
 */
package dev.pyconc.spi.multiprocessing;
