/**
 * The SPI of {@code multiprocessing.shared_memory}: {@link dev.pyconc.spi.shared_memory.SharedMemory} blocks, their
 * {@link dev.pyconc.spi.shared_memory.MemoryView} and {@link dev.pyconc.spi.shared_memory.ShareableList}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html">multiprocessing.shared_memory</a>
 */
package dev.pyconc.spi.shared_memory;
