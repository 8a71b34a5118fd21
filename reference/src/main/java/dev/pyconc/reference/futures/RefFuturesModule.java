package dev.pyconc.reference.futures;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.NotImplementedError;
import dev.pyconc.spi.exceptions.ZeroDivisionError;
import dev.pyconc.spi.futures.DoneAndNotDone;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.futures.ReturnWhen;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Collection;
import java.util.List;

/**
 * The reference {@code concurrent.futures}: {@link RefFuture}, a ThreadPoolExecutor whose workers are threads
 * of the given {@code threading} module, {@code wait} and {@code as_completed}. Process and interpreter pools
 * are not provided (the adapter does not claim {@code PROCESS_POOL} or {@code INTERPRETER_POOL}).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html">concurrent.futures</a>
 */
public final class RefFuturesModule implements FuturesModule {
    private final ThreadingModule threading;

    /** A module whose worker threads are {@code threading} threads of {@code threading}. */
    public RefFuturesModule(ThreadingModule threading) {
        this.threading = threading;
    }

    @Override
    public Future future() {
        return new RefFuture(threading);
    }

    @Override
    public Executor threadPoolExecutor(ExecutorOptions options) {
        Long cpus = processCpuCount();
        return new RefThreadPoolExecutor(threading, options, cpus == null ? 1 : cpus);
    }

    /** Not provided by the reference: raises NotImplementedError. */
    @Override
    public Executor processPoolExecutor(ExecutorOptions options) {
        throw new NotImplementedError("the reference adapter has no ProcessPoolExecutor (Java callables cannot be sent to another process)");
    }

    /** Not provided by the reference: raises NotImplementedError. */
    @Override
    public Executor interpreterPoolExecutor(ExecutorOptions options) {
        throw new NotImplementedError("the reference adapter has no InterpreterPoolExecutor");
    }

    @Override
    public DoneAndNotDone wait(Collection<Future> fs, Double timeout, ReturnWhen returnWhen) {
        return Waits.await(threading, fs, timeout, returnWhen);
    }

    @Override
    public PyIterator<Future> asCompleted(Collection<Future> fs, Double timeout) {
        return Waits.asCompleted(threading, fs, timeout);
    }

    /**
     * Java versions of the functions every adapter provides: {@code builtins.abs}, {@code builtins.pow},
     * {@code builtins.divmod} (ints), {@code operator.truediv} (ZeroDivisionError for a zero divisor),
     * {@code time.sleep} (seconds) and {@code os.getpid}.
     */
    @Override
    public PyCallable function(String qualifiedName) {
        return switch (qualifiedName) {
            case "builtins.abs" -> (a, k) -> a.get(0) instanceof Double d ? (Object) Math.abs(d) : (Object) Math.abs(num(a.get(0)));
            case "builtins.pow" -> (a, k) -> pow(num(a.get(0)), num(a.get(1)));
            case "builtins.divmod" -> (a, k) -> {
                long x = num(a.get(0));
                long y = num(a.get(1));
                if (y == 0) {
                    throw new ZeroDivisionError("integer division or modulo by zero");
                }
                return List.of(Math.floorDiv(x, y), Math.floorMod(x, y));
            };
            case "operator.truediv" -> (a, k) -> {
                double y = ((Number) a.get(1)).doubleValue();
                if (y == 0) {
                    throw new ZeroDivisionError("division by zero");
                }
                return ((Number) a.get(0)).doubleValue() / y;
            };
            case "time.sleep" -> (a, k) -> {
                try {
                    Thread.sleep(RefFuture.toNanos(((Number) a.get(0)).doubleValue()) / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            };
            case "os.getpid" -> (a, k) -> ProcessHandle.current().pid();
            default -> throw new IllegalArgumentException("no function " + qualifiedName + " in the reference");
        };
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static Object pow(long b, long e) {
        if (e < 0) {
            return Math.pow(b, e);
        }
        long r = 1;
        for (long i = 0; i < e; i++) {
            r = Math.multiplyExact(r, b);
        }
        return r;
    }

    /** {@link Runtime#availableProcessors()}, which like {@code os.process_cpu_count()} honours the CPU affinity. */
    @Override
    public Long processCpuCount() {
        return (long) Runtime.getRuntime().availableProcessors();
    }

    /** What {@link RefFuture} logged through {@link RefLog} while {@code body} ran. */
    @Override
    public java.util.List<String> captureLog(Runnable body) {
        return RefLog.capture(body);
    }
}
