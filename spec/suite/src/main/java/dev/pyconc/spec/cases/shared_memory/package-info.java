/**
 * Cases for Python's {@code multiprocessing.shared_memory}: {@code SharedMemory} blocks (creating, attaching,
 * {@code buf}, {@code close}, {@code unlink}, {@code track}) and {@code ShareableList}.
 *
 * <p>Every block a case makes has a name of its own ({@link dev.pyconc.spec.cases.shared_memory.Blocks#freshName()})
 * and is closed and unlinked in {@code finally} ({@link dev.pyconc.spec.cases.shared_memory.Blocks#release}), so
 * nothing is left under {@code /dev/shm}. Cases that need a second process start the named child routines
 * {@code SHM_READ} and {@code SHM_WRITE} of the multiprocessing SPI through
 * {@link dev.pyconc.spec.cases.multiprocessing.Procs}, which ends every child it started; those routines attach
 * without tracking, so a child's exit never removes the block.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html">multiprocessing.shared_memory</a>
 */
package dev.pyconc.spec.cases.shared_memory;
