package dev.pyconc.reference.multiprocessing.shm;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.shared_memory.MemoryView;

/**
 * A {@code memoryview} of format {@code 'B'} over part of a {@link RefSharedMemory}'s mapping: {@code buf} itself
 * (the root) or a slice of it. A slice counts as an export of the mapping until released, which is what makes
 * {@link RefSharedMemory#close()} raise BufferError. Offsets and slice bounds follow Python's slicing (negative
 * counts from the end, out-of-range bounds are clamped); a released view raises ValueError as CPython's does.
 */
final class RefMemoryView implements MemoryView {
    private final RefSharedMemory owner;
    private final long start;
    private final long length;
    private final boolean root;
    private boolean released; // guarded by this

    RefMemoryView(RefSharedMemory owner, long start, long length, boolean root) {
        this.owner = owner;
        this.start = start;
        this.length = length;
        this.root = root;
    }

    private SharedMemory.Buffer buffer() {
        synchronized (this) {
            if (released) {
                throw new ValueError("operation forbidden on released memoryview object");
            }
        }
        SharedMemory.Buffer b = owner.block().buf();
        if (b == null) {
            throw new ValueError("operation forbidden on released memoryview object");
        }
        return b;
    }

    /** {@code slice(start, stop).indices(len)} for step 1: {start, stop} clamped to 0..len, stop no less than start. */
    private long[] indices(long from, long to) {
        long a = from < 0 ? Math.max(0, from + length) : Math.min(from, length);
        long b = to < 0 ? Math.max(0, to + length) : Math.min(to, length);
        return new long[] {a, Math.max(a, b)};
    }

    @Override
    public long len() {
        buffer();
        return length;
    }

    @Override
    public PyBytes read(long offset, long n) {
        SharedMemory.Buffer b = buffer();
        long[] ix = indices(offset, offset + n);
        return PyBytes.of(b.read(start + ix[0], Math.toIntExact(ix[1] - ix[0])));
    }

    /**
     * {@code view[offset:offset + len(data)] = data}.
     *
     * @throws ValueError "memoryview assignment: lvalue and rvalue have different structures" when the clamped
     *     slice is shorter than data
     */
    @Override
    public void write(long offset, PyBytes data) {
        SharedMemory.Buffer b = buffer();
        long[] ix = indices(offset, offset + data.size());
        if (ix[1] - ix[0] != data.size()) {
            throw new ValueError("memoryview assignment: lvalue and rvalue have different structures");
        }
        b.write(start + ix[0], data.toByteArray());
    }

    @Override
    public MemoryView slice(long from, long to) {
        buffer();
        long[] ix = indices(from, to);
        owner.exported();
        return new RefMemoryView(owner, start + ix[0], ix[1] - ix[0], false);
    }

    /** {@code release()}: this view is unusable from now on; a slice stops counting as an export. Idempotent. */
    @Override
    public void release() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        if (!root) {
            owner.unexported();
        }
    }

    @Override
    public String toString() {
        return "<memory at " + (root ? "buf" : "buf[" + start + ":" + (start + length) + "]") + ">";
    }
}
