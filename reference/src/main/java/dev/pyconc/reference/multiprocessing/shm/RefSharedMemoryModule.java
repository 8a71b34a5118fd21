package dev.pyconc.reference.multiprocessing.shm;

import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.util.List;

/**
 * The reference's {@code multiprocessing.shared_memory} (Python 3.14): {@link RefSharedMemory} blocks under
 * {@code /dev/shm} and the {@link RefShareableList} port, both laid out as CPython's so that either side attaches
 * what the other made.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html">multiprocessing.shared_memory</a>
 */
public final class RefSharedMemoryModule implements SharedMemoryModule {
    /** The module; it keeps no state (blocks are the operating system's, tracking is {@link Tracker}'s). */
    public RefSharedMemoryModule() {
        RefSharedMemory.ensureRegistered();
        RefShareableList.ensureRegistered();
    }

    @Override
    public SharedMemory sharedMemory(String name, boolean create, long size) {
        return RefSharedMemory.open(name, create, size, true);
    }

    @Override
    public SharedMemory sharedMemory(String name, boolean create, long size, boolean track) {
        return RefSharedMemory.open(name, create, size, track);
    }

    /**
     * {@code ShareableList(sequence, name=name)}: with sequence null and a name, attaches (tracked); otherwise
     * creates, an empty list when sequence is null.
     */
    @Override
    public ShareableList shareableList(List<Object> sequence, String name) {
        if (name == null || sequence != null) {
            return RefShareableList.create(sequence, name);
        }
        return RefShareableList.attach(name, true);
    }
}
