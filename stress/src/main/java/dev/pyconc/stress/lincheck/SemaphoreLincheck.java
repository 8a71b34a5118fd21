package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.threading.Semaphore;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Lincheck operations on a {@code threading.Semaphore(1)}: {@code acquire(blocking=False)} (True when a
 * permit was taken) and {@code release()} (always {@code "None"}; the counter may grow past its start).
 * Checked against {@link Model}.
 * https://docs.python.org/3/library/threading.html#threading.Semaphore
 */
public class SemaphoreLincheck {
    /** The semaphore's initial value. */
    public static final long VALUE = 1;

    private final Semaphore sem = create();

    /** The semaphore under test; seeded bugs override this. */
    protected Semaphore create() {
        return StressAdapter.get().module(ThreadingModule.class).semaphore(VALUE);
    }

    @Operation
    public boolean acquire() {
        return sem.acquire(false);
    }

    @Operation
    public String release() {
        return Outcomes.call(sem::release);
    }

    /** The sequential model: a counter. */
    public static final class Model {
        private long value = VALUE;

        public boolean acquire() {
            if (value == 0) {
                return false;
            }
            value--;
            return true;
        }

        public String release() {
            value++;
            return Outcomes.NONE;
        }
    }
}
