package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.threading.Semaphore;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Lincheck operations on a {@code threading.BoundedSemaphore(2)}: {@code acquire(blocking=False)} (True when
 * a permit was taken) and {@code release()} ({@code "None"}, or {@code "ValueError"} when it would raise the
 * counter above its initial value). Checked against {@link Model}.
 * https://docs.python.org/3/library/threading.html#threading.BoundedSemaphore
 */
public class BoundedSemaphoreLincheck {
    /** The semaphore's initial (and largest) value. */
    public static final long VALUE = 2;

    private final Semaphore sem = create();

    /** The semaphore under test; seeded bugs override this. */
    protected Semaphore create() {
        return StressAdapter.get().module(ThreadingModule.class).boundedSemaphore(VALUE);
    }

    @Operation
    public boolean acquire() {
        return sem.acquire(false);
    }

    @Operation
    public String release() {
        return Outcomes.call(sem::release);
    }

    /** The sequential model: a counter between 0 and {@link #VALUE}. */
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
            if (value == VALUE) {
                return Outcomes.VALUE_ERROR;
            }
            value++;
            return Outcomes.NONE;
        }
    }
}
