package dev.pyconc.spi.shared_memory;

import java.util.List;

/**
 * {@code multiprocessing.shared_memory}: named blocks of memory that processes share ({@link SharedMemory}) and a
 * fixed-length list of plain values stored in one ({@link ShareableList}).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html">multiprocessing.shared_memory</a>
 */
public interface SharedMemoryModule {
    /**
     * {@code SharedMemory(name=None, create=False, size=0)}.
     *
     * @param name the block's name, None to generate one (with create)
     * @param create whether to create a new block rather than attach an existing one
     * @param size bytes to create (attaching ignores it)
     * @throws dev.pyconc.spi.exceptions.FileExistsError creating a name that exists
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError attaching a name that does not exist
     * @throws dev.pyconc.spi.exceptions.ValueError creating with a size that is not positive, or attaching
     *     without a name
     */
    SharedMemory sharedMemory(String name, boolean create, long size);

    /**
     * {@code SharedMemory(name, create, size, track=track)} (3.13): with track false the block is not registered
     * with the resource tracker, which then never unlinks it.
     */
    SharedMemory sharedMemory(String name, boolean create, long size, boolean track);

    /**
     * {@code ShareableList(sequence=None, *, name=None)}: a new list holding sequence's values when sequence is
     * given, or the existing list of that name when sequence is null.
     */
    ShareableList shareableList(List<Object> sequence, String name);
}
