package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.PyCallable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The arguments of {@code Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None)};
 * {@code null} means None. {@code initializer} is a {@link MultiprocessingModule#routine(Routine) routine}
 * (or, for a ThreadPool, any callable).
 *
 * @param processes the number of workers; None for {@code os.process_cpu_count()} (3.13; {@code cpu_count()}
 *     before)
 * @param initializer called with initargs in each worker when it starts, or None
 * @param initargs the initializer's arguments; never null
 * @param maxtasksperchild how many tasks a worker runs before it is replaced, None for as many as it lives
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.pool.Pool">Pool</a>
 */
public record PoolOptions(Long processes, PyCallable initializer, List<Object> initargs, Long maxtasksperchild) {

    /** Copies initargs. */
    public PoolOptions {
        initargs = initargs == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(initargs));
    }

    /** {@code Pool()}. */
    public static PoolOptions none() {
        return new PoolOptions(null, null, List.of(), null);
    }

    /** {@code Pool(processes)}. */
    public static PoolOptions of(long processes) {
        return new PoolOptions(processes, null, List.of(), null);
    }

    /** These options with an initializer and its arguments. */
    public PoolOptions withInitializer(PyCallable init, List<Object> args) {
        return new PoolOptions(processes, init, args, maxtasksperchild);
    }

    /** These options with {@code maxtasksperchild}. */
    public PoolOptions withMaxtasksperchild(Long n) {
        return new PoolOptions(processes, initializer, initargs, n);
    }
}
