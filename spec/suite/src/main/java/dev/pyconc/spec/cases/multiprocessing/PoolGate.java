package dev.pyconc.spec.cases.multiprocessing;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.util.List;

/**
 * A gate for Pool tasks that must not finish before the case says so: a one-byte shared memory block that the
 * {@link Routine#AWAIT_GATE} routine polls (a Pool task cannot take a lock or an event). {@link #close()} opens the
 * gate and unlinks the block, so use it in try-with-resources, inside the pool's own try/finally, so that no task
 * stays blocked and nothing is left in {@code /dev/shm}.
 */
final class PoolGate implements AutoCloseable {
    private final SharedMemory block;
    private final PyCallable awaitGate;
    private boolean closed;

    PoolGate(MultiprocessingModule mp, SharedMemoryModule shm) {
        this.block = shm.sharedMemory(null, true, 1);
        this.awaitGate = mp.routine(Routine.AWAIT_GATE);
    }

    /** The routine a gated task runs: {@code await_gate}. */
    PyCallable func() {
        return awaitGate;
    }

    /** The arguments of a gated task returning {@code value}; it gives up after {@link Timing#CASE}. */
    List<Object> args(Object value) {
        return java.util.Arrays.asList(block.name(), value, Timing.CASE);
    }

    /** Lets every gated task, running or to come, return. */
    void open() {
        if (!closed) {
            block.buf().write(0, PyBytes.of((byte) 1));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        open();
        closed = true;
        try {
            block.close();
        } finally {
            block.unlink();
        }
    }
}
