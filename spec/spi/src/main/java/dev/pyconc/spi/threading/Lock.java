package dev.pyconc.spi.threading;

/**
 * {@code threading.Lock}: a primitive lock, not owned by a thread: any thread may release it, and the
 * thread holding it blocks if it acquires it again.
 *
 * <p>{@code acquire(blocking=True, timeout=-1)} and {@code release()} are as in {@link LockLike}; releasing
 * an unlocked Lock raises {@link dev.pyconc.spi.exceptions.RuntimeError}.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#lock-objects">Lock objects</a>
 */
public interface Lock extends LockLike {}
