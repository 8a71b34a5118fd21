package dev.pyconc.spi.threading;

/**
 * {@code threading.RLock}: a reentrant lock owned by the thread that acquired it, with a recursion level.
 *
 * <p>{@code acquire} by the owner increments the level and returns true at once; {@code release} decrements
 * it and unlocks at zero. {@code release} by a thread that does not own it raises
 * {@link dev.pyconc.spi.exceptions.RuntimeError}. {@link #locked()} is Python 3.14+.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#rlock-objects">RLock objects</a>
 */
public interface RLock extends LockLike {}
