package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.threading.RLock;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;

/**
 * Lincheck operations on a {@code threading.RLock} with ownership: {@code acquire(blocking=False)} (True when
 * free or already held by the calling thread, which then holds it once more), {@code release()}
 * ({@code "None"}, or {@code "RuntimeError"} when the calling thread does not hold it) and {@code locked()}.
 *
 * <p>Ownership depends on the calling thread. Lincheck's {@link ThreadIdGen} passes each operation the number
 * of the Lincheck thread that runs it; the real RLock ignores it (it sees the real thread), the sequential
 * {@link Model} uses it as the owner's identity. Tests of this class use no operations before or after the
 * parallel part, so every operation runs on the thread its number names.
 * https://docs.python.org/3/library/threading.html#rlock-objects
 */
public class RLockLincheck {
    private final RLock lock = create();

    /** The lock under test; seeded bugs override this. */
    protected RLock create() {
        return StressAdapter.get().module(ThreadingModule.class).rlock();
    }

    @Operation
    public boolean acquire(@Param(gen = ThreadIdGen.class) int thread) {
        return lock.acquire(false);
    }

    @Operation
    public String release(@Param(gen = ThreadIdGen.class) int thread) {
        return Outcomes.call(lock::release);
    }

    @Operation
    public boolean locked() {
        return lock.locked();
    }

    /** The sequential model: owner thread number and recursion level. */
    public static final class Model {
        private int owner = -1;
        private int count;

        public boolean acquire(int thread) {
            if (count > 0 && owner != thread) {
                return false;
            }
            owner = thread;
            count++;
            return true;
        }

        public String release(int thread) {
            if (count == 0 || owner != thread) {
                return Outcomes.RUNTIME_ERROR;
            }
            if (--count == 0) {
                owner = -1;
            }
            return Outcomes.NONE;
        }

        public boolean locked() {
            return count > 0;
        }
    }
}
