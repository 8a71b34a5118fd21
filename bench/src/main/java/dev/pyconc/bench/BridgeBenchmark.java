package dev.pyconc.bench;

import dev.pyconc.conformance.cpython.CpythonAdapter;
import dev.pyconc.conformance.cpython.CpythonAdapterProvider;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cpython adapter's round trip beside its pipe floor, both through the same agent process (the bundled
 * CPython 3.14, or the interpreter system property {@code pyconc.python} names), started once per trial.
 *
 * <p>The round trip is {@code lock.locked()} on a {@code threading.Lock} made through the adapter: the calling
 * thread encodes the call and writes it to the agent's stdin; the agent's reader thread parses it and hands it to
 * the calling thread's own Python partner thread, which decodes the handle, runs {@code Lock.locked}, encodes
 * the result and writes it to stdout; the adapter's reader thread parses it and hands it to the calling thread.
 *
 * <p>The floor ({@link CpythonAdapter#echo}) makes the same hops with nothing else: a JSON line written by the
 * calling thread, parsed by the agent's reader thread and handed to another Python thread (the agent's echo
 * thread, waiting as a partner waits), encoded and written back by it, parsed by the adapter's reader thread and
 * handed to the calling thread. No call can do less: the agent has one stdin, read by one thread, and a call must
 * run on the caller's own partner thread, not on the reader (which must stay free to route the next message);
 * the adapter has one stdout pipe, read by one thread, and the reply belongs to the thread that called.
 *
 * <p>Time is sampled per call ({@link Mode#SampleTime}): the bench's table shows the median of the samples, as
 * issue 14 states its target (the round trip's median at most twice the floor's).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BridgeBenchmark {
    /** How long one operation may take before the benchmark fails instead of hanging, in seconds. */
    static final double DEADLINE_SECONDS = 10;

    /** The cpython adapter of one trial and a Lock made through it. */
    @State(Scope.Benchmark)
    public static class Bridge {
        CpythonAdapter adapter;
        Lock lock;

        /** Starts the agent and makes the Lock. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = (CpythonAdapter) new CpythonAdapterProvider().create(AdapterConfig.fromSystemProperties());
            lock = adapter.module(ThreadingModule.class).lock();
        }

        /** Closes the adapter (the agent process ends). */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    /** The round trip: {@code lock.locked()} through the cpython adapter (false: nobody holds it). */
    @Benchmark
    public boolean cpythonLockLocked(Bridge b) {
        return b.lock.locked();
    }

    /** The pipe floor: one echo through the same agent (see the class comment for its hops). */
    @Benchmark
    public void pipeFloorEcho(Bridge b) {
        b.adapter.echo(DEADLINE_SECONDS);
    }

    /**
     * Less than the floor, for comparison: the agent's reader thread echoes the line itself, so the Python side
     * makes no hand-off ({@link CpythonAdapter#echoByReader}); a line each way and one hand-off on this side.
     */
    @Benchmark
    public void readerEcho(Bridge b) {
        b.adapter.echoByReader(DEADLINE_SECONDS);
    }
}
