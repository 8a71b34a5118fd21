package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.reference.multiprocessing.shm.SharedMemory;
import dev.pyconc.spi.exceptions.KeyboardInterrupt;
import dev.pyconc.spi.exceptions.NotImplementedError;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Routine;
import java.math.BigInteger;
import java.util.List;

/**
 * The routines a pool worker process runs, by {@link Routine}: those that take plain values only (a Pool task
 * cannot take a lock, a queue or a connection). The process machinery's routine table, once it is shared, is the
 * one place for them; until then the pool worker keeps this one.
 */
final class PoolRoutines {
    private static volatile Object global;

    private PoolRoutines() {}

    /** Runs {@code r(*args)} in this process. */
    static Object call(Routine r, List<Object> args) {
        switch (r) {
            case NOOP:
                return null;
            case IDENTITY:
                return arg(args, 0);
            case SQUARE:
                return mul(arg(args, 0), arg(args, 0));
            case ADD:
                return add(arg(args, 0), arg(args, 1));
            case FAIL:
                throw new ValueError(String.valueOf(arg(args, 0)));
            case EXIT:
                throw new SystemExit(String.valueOf(arg(args, 0)));
            case GETPID:
                return ProcessHandle.current().pid();
            case SET_GLOBAL:
                global = arg(args, 0);
                return null;
            case GET_GLOBAL:
                return global;
            case AWAIT_GATE:
                return awaitGate((String) arg(args, 0), arg(args, 1), (Number) arg(args, 2));
            default:
                throw new NotImplementedError("routine " + r.pythonName() + " takes objects a pool task cannot pass");
        }
    }

    private static Object arg(List<Object> args, int i) {
        if (i >= args.size()) {
            throw new TypeError("missing positional argument " + (i + 1));
        }
        return args.get(i);
    }

    private static Object awaitGate(String name, Object value, Number timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout.doubleValue() * 1e9);
        try (SharedMemory shm = SharedMemory.attach(name, false)) {
            while (shm.buf().get(0) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutError("the gate " + name + " was not opened in time");
                }
                Thread.sleep(10); // the routine's documented 10 ms poll
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyboardInterrupt("interrupted");
        }
        return value;
    }

    private static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y);
            long lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return lo;
            }
        }
        if (a instanceof Double || b instanceof Double) {
            return ((Number) a).doubleValue() * ((Number) b).doubleValue();
        }
        return normal(big(a).multiply(big(b)));
    }

    private static Object add(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (a instanceof Long x && b instanceof Long y) {
            long s = x + y;
            if (((x ^ s) & (y ^ s)) >= 0) {
                return s;
            }
        }
        if (a instanceof Double || b instanceof Double) {
            return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        }
        if (a instanceof Number && b instanceof Number) {
            return normal(big(a).add(big(b)));
        }
        throw new TypeError("unsupported operand type(s) for +");
    }

    private static BigInteger big(Object n) {
        if (n instanceof BigInteger b) {
            return b;
        }
        if (n instanceof Number x && !(n instanceof Double)) {
            return BigInteger.valueOf(x.longValue());
        }
        throw new TypeError("unsupported operand type(s)");
    }

    private static Object normal(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
}
