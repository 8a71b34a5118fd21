package dev.pyconc.reference;

import dev.pyconc.spi.threading.LockLike;

/**
 * The hooks {@code threading.Condition} takes from its lock: {@code _release_save}, {@code _acquire_restore} and
 * {@code _is_owned}. An RLock implements them to release every recursion level while waiting; other locks get
 * CPython's fallbacks ({@link #of(LockLike)}).
 */
interface CondLock extends LockLike {
    /** Releases the lock completely; returns what {@link #acquireRestore} needs. */
    Object releaseSave();

    /** Re-acquires (blocking) and restores the state saved by {@link #releaseSave}. */
    void acquireRestore(Object saved);

    /** Whether the calling thread holds the lock (for a lock without owner: whether it is locked at all). */
    boolean isOwned();

    /** The lock itself if it has the hooks, else a view with CPython's fallbacks. */
    static CondLock of(LockLike lock) {
        if (lock instanceof CondLock c) {
            return c;
        }
        return new CondLock() {
            @Override
            public boolean acquire() {
                return lock.acquire();
            }

            @Override
            public boolean acquire(boolean blocking) {
                return lock.acquire(blocking);
            }

            @Override
            public boolean acquire(boolean blocking, double timeout) {
                return lock.acquire(blocking, timeout);
            }

            @Override
            public void release() {
                lock.release();
            }

            @Override
            public boolean locked() {
                return lock.locked();
            }

            @Override
            public Held enter() {
                return lock.enter();
            }

            @Override
            public Object releaseSave() {
                lock.release();
                return null;
            }

            @Override
            public void acquireRestore(Object saved) {
                lock.acquire();
            }

            @Override
            public boolean isOwned() {
                if (lock.acquire(false)) {
                    lock.release();
                    return false;
                }
                return true;
            }
        };
    }
}
