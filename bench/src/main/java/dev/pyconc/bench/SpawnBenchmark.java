package dev.pyconc.bench;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.io.IOException;
import java.util.List;
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
 * Starting a child process and waiting for it to exit: the program is {@code true} (found on {@code PATH}), which
 * exits 0 at once, so the time is what spawning, reaping and the implementation's bookkeeping cost. One operation
 * is one child, started and waited for; JMH reports the average time per operation in microseconds
 * ({@code us/op}), one thread.
 *
 * <p>The reference adapter is created once per trial (outside the measurement) and closed after it, in
 * {@link Reference}, a state only the reference's benchmarks take (so the Java counterpart runs without it). The
 * rows are {@link BenchRows#SUBPROCESS_RUN} and {@link BenchRows#POPEN_WAIT}; their Java counterpart is
 * {@link #jdkProcessBuilder}, and CPython's time for the same Python call comes from the bench's CPython script.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpawnBenchmark {
    /** The program every operation runs. */
    public static final List<String> TRUE = List.of("true");

    /** The reference adapter of one trial and its {@code subprocess} module. */
    @State(Scope.Benchmark)
    public static class Reference {
        Adapter adapter;
        SubprocessModule subprocess;

        /** Creates the reference adapter (with its main thread) and looks up its {@code subprocess} module. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
            subprocess = adapter.module(SubprocessModule.class);
        }

        /** Closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    /** The reference's {@code subprocess.run(["true"])}: spawn, wait, a CompletedProcess (returncode 0). */
    @Benchmark
    public CompletedProcess referenceRun(Reference r) {
        return r.subprocess.run(TRUE, PopenOptions.defaults());
    }

    /** The reference's {@code subprocess.Popen(["true"]).wait()}: spawn, then wait; the returncode (0). */
    @Benchmark
    public long referencePopenWait(Reference r) {
        return r.subprocess.popen(TRUE, PopenOptions.defaults()).await();
    }

    /**
     * The JDK's own way, the Java counterpart of both rows: {@code new ProcessBuilder("true").start().waitFor()}
     * (the child's stdin, stdout and stderr are pipes the JDK creates and closes; the exit code, 0).
     */
    @Benchmark
    public int jdkProcessBuilder() throws IOException, InterruptedException {
        return new ProcessBuilder(TRUE).start().waitFor();
    }
}
