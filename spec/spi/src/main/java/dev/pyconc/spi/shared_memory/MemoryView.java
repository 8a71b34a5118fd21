package dev.pyconc.spi.shared_memory;

import dev.pyconc.spi.PyBytes;

/**
 * A Python {@code memoryview} of bytes (format {@code 'B'}), such as {@link SharedMemory#buf()}.
 *
 * @see <a href="https://docs.python.org/3/library/stdtypes.html#memoryview">memoryview</a>
 */
public interface MemoryView {
    /** {@code len(view)}. */
    long len();

    /** {@code bytes(view[offset:offset + length])}. */
    PyBytes read(long offset, long length);

    /** {@code view[offset:offset + len(data)] = data}. */
    void write(long offset, PyBytes data);

    /** {@code view[start:stop]}: a new view that exports the same memory until released. */
    MemoryView slice(long start, long stop);

    /** {@code view.release()}. */
    void release();
}
