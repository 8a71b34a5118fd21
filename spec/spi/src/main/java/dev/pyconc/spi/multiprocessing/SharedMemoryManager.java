package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import java.util.List;

/**
 * {@code multiprocessing.managers.SharedMemoryManager}: a manager process that tracks the shared memory blocks
 * made through it and unlinks them all at {@link #shutdown()} (or when its {@code with} block ends; entering
 * starts it).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.managers.SharedMemoryManager">SharedMemoryManager</a>
 */
public interface SharedMemoryManager extends PyContextManager {
    /** Starts the manager process. */
    void start();

    /** Unlinks every block made through this manager and stops its process. */
    void shutdown();

    /** {@code SharedMemory(size)}: a new block of size bytes, tracked by the manager. */
    SharedMemory sharedMemory(long size);

    /** {@code ShareableList(sequence)}: a new list, tracked by the manager. */
    ShareableList shareableList(List<Object> sequence);
}
