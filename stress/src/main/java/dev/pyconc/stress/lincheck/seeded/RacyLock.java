package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.Lock;

/**
 * BUG: {@code acquire(blocking=False)} is check-then-act on a plain field: it reads "unlocked", then writes
 * "locked" as a separate step, so two threads can both see the lock free and both get True. Lincheck finds
 * the interleaving where both acquires succeed (no sequential order allows that). Only the non-blocking
 * operations the Lincheck test uses are implemented.
 */
public final class RacyLock implements Lock {
    private boolean held;

    @Override
    public boolean acquire(boolean blocking) {
        if (blocking) {
            throw new UnsupportedOperationException("seeded bug: non-blocking only");
        }
        if (held) {
            return false;
        }
        held = true;
        return true;
    }

    @Override
    public boolean acquire() {
        return acquire(true);
    }

    @Override
    public boolean acquire(boolean blocking, double timeout) {
        return acquire(blocking);
    }

    @Override
    public synchronized void release() {
        if (!held) {
            throw new RuntimeError("release unlocked lock");
        }
        held = false;
    }

    @Override
    public boolean locked() {
        return held;
    }

    @Override
    public Held enter() {
        throw new UnsupportedOperationException("seeded bug: non-blocking only");
    }
}
