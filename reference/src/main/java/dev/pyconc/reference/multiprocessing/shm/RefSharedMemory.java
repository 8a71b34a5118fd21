package dev.pyconc.reference.multiprocessing.shm;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.spi.exceptions.BufferError;
import dev.pyconc.spi.shared_memory.MemoryView;
import java.util.List;

/**
 * The SPI's {@code multiprocessing.shared_memory.SharedMemory} over {@link SharedMemory}: adds what the SPI's
 * {@code buf} promises, a {@link MemoryView} whose slices are exports of this instance's mapping, and CPython's
 * {@code close()} over them.
 *
 * <p>{@code close()} is CPython's: it releases {@code buf} (so {@link #buf()} is None from then on, even when the
 * close fails), then closes the mapping, which raises BufferError ("cannot close exported pointers exist") while
 * slices taken from {@code buf} are unreleased; those slices stay usable, and a later {@code close()}, once they
 * are released, unmaps. {@code unlink()} twice raises FileNotFoundError.
 *
 * <p>It reaches a child JVM by name (kind {@code "shared_memory"}, as CPython's {@code __reduce__}: name, no
 * create, size): the child attaches the block again. The child attaches with {@code track=False}, a difference:
 * CPython's children share their parent's resource tracker, while each JVM has a {@link Tracker} of its own that
 * would unlink the parent's block when the child exits.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory">SharedMemory</a>
 */
public final class RefSharedMemory implements dev.pyconc.spi.shared_memory.SharedMemory, Reducible {
    /** The kind of {@link Reduction} this class rebuilds. */
    public static final String KIND = "shared_memory";

    static {
        Rebuilders.register(KIND, state -> new RefSharedMemory(new SharedMemory((String) state.get(0), false, 0, false)));
    }

    private final SharedMemory block;
    private RefMemoryView buf; // guarded by this; null once close() began
    private long exports; // guarded by this: unreleased slices of buf (and of its slices)

    /** Wraps an open block; {@code buf} is a fresh view of it. */
    public RefSharedMemory(SharedMemory block) {
        this.block = block;
        this.buf = new RefMemoryView(this, 0, block.size(), true);
    }

    /** {@code SharedMemory(name, create, size, track=track)}; see {@link SharedMemory#SharedMemory}. */
    public static RefSharedMemory open(String name, boolean create, long size, boolean track) {
        return new RefSharedMemory(new SharedMemory(name, create, size, track));
    }

    /** Loads this class, so that its rebuilder is registered ({@link Rebuilders}). */
    public static void ensureRegistered() {
        // the static initializer did it
    }

    /** The groundwork block beneath (its {@link SharedMemory.Buffer} is null once closed). */
    SharedMemory block() {
        return block;
    }

    @Override
    public String name() {
        return block.name();
    }

    @Override
    public long size() {
        return block.size();
    }

    @Override
    public synchronized MemoryView buf() {
        return buf;
    }

    /**
     * {@code close()}: releases {@code buf}, then unmaps the block unless slices of it are still exported.
     *
     * @throws BufferError "cannot close exported pointers exist" while slices are unreleased (buf is None anyway)
     */
    @Override
    public synchronized void close() {
        if (buf != null) {
            buf.release();
            buf = null;
        }
        if (exports > 0) {
            throw new BufferError("cannot close exported pointers exist");
        }
        block.close();
    }

    @Override
    public void unlink() {
        block.unlink();
    }

    synchronized void exported() {
        exports++;
    }

    synchronized void unexported() {
        exports--;
    }

    @Override
    public Reduction reduce() {
        return new Reduction(KIND, List.of(name(), false, size()), List.of());
    }

    /** {@code SharedMemory('psm_1a2b3c4d', size=10)}. */
    @Override
    public String toString() {
        return block.toString();
    }
}
