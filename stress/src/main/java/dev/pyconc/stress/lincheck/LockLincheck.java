package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.threading.Lock;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Lincheck operations on a {@code threading.Lock}: {@code acquire(blocking=False)} (True when taken),
 * {@code release()} ({@code "None"}, or {@code "RuntimeError"} when the lock is not locked) and
 * {@code locked()}. Checked against {@link Model}.
 * https://docs.python.org/3/library/threading.html#threading.Lock
 */
public class LockLincheck {
    private final Lock lock = create();

    /** The lock under test; seeded bugs override this. */
    protected Lock create() {
        return StressAdapter.get().module(ThreadingModule.class).lock();
    }

    @Operation
    public boolean acquire() {
        return lock.acquire(false);
    }

    @Operation
    public String release() {
        return Outcomes.call(lock::release);
    }

    @Operation
    public boolean locked() {
        return lock.locked();
    }

    /** The sequential model: one boolean. */
    public static final class Model {
        private boolean held;

        public boolean acquire() {
            if (held) {
                return false;
            }
            held = true;
            return true;
        }

        public String release() {
            if (!held) {
                return Outcomes.RUNTIME_ERROR;
            }
            held = false;
            return Outcomes.NONE;
        }

        public boolean locked() {
            return held;
        }
    }
}
