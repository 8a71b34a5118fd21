package dev.pyconc.spi.shared_memory;

/**
 * {@code multiprocessing.shared_memory.SharedMemory}: one named block of shared memory, attached by this object.
 * Every instance should be closed; exactly one should unlink the block.
 *
 * <p>Memory effects: bytes written through {@link #buf()} are visible to every process that has the block
 * attached; ordering between processes comes only from a synchronization primitive, not from the block.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory">SharedMemory</a>
 */
public interface SharedMemory {
    /** The block's unique name. */
    String name();

    /** The block's size in bytes (may be larger than asked for, rounded up to a page). */
    long size();

    /** The memoryview of the block; None once closed. */
    MemoryView buf();

    /**
     * Closes this instance's view of the block; the block itself stays.
     *
     * @throws dev.pyconc.spi.exceptions.BufferError while slices exported from {@link #buf()} are unreleased
     */
    void close();

    /**
     * Asks for the block to be destroyed once no instance uses it.
     *
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError when it is already unlinked
     */
    void unlink();
}
