package dev.pyconc.spi.exceptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps Python exception class names to the Java classes of this package, for adapters that receive
 * exceptions from a real interpreter.
 */
public final class PyExceptions {
    /** A constructor reference: (actual qualified Python name, message) to exception. */
    @FunctionalInterface
    public interface Factory {
        BaseException create(String pythonName, String message);
    }

    private static final Map<String, Factory> BY_NAME = new LinkedHashMap<>();

    static {
        put("builtins.BaseException", (n, m) -> new BaseException(n, m, null));
        put("builtins.SystemExit", (n, m) -> new SystemExit(n, m, null));
        put("builtins.KeyboardInterrupt", (n, m) -> new KeyboardInterrupt(n, m, null));
        put("builtins.Exception", (n, m) -> new PyException(n, m, null));
        put("builtins.ArithmeticError", (n, m) -> new ArithmeticError(n, m, null));
        put("builtins.OverflowError", (n, m) -> new OverflowError(n, m, null));
        put("builtins.ZeroDivisionError", (n, m) -> new ZeroDivisionError(n, m, null));
        put("builtins.AssertionError", (n, m) -> new PyAssertionError(n, m, null));
        put("builtins.AttributeError", (n, m) -> new AttributeError(n, m, null));
        put("builtins.LookupError", (n, m) -> new LookupError(n, m, null));
        put("builtins.KeyError", (n, m) -> new KeyError(n, m, null));
        put("builtins.IndexError", (n, m) -> new IndexError(n, m, null));
        put("builtins.OSError", (n, m) -> new OSError(n, m, null));
        put("builtins.TimeoutError", (n, m) -> new TimeoutError(n, m, null));
        put("builtins.BufferError", (n, m) -> new BufferError(n, m, null));
        put("builtins.FileNotFoundError", (n, m) -> new FileNotFoundError(n, m, null));
        put("builtins.FileExistsError", (n, m) -> new FileExistsError(n, m, null));
        put("builtins.PermissionError", (n, m) -> new PermissionError(n, m, null));
        put("builtins.NotADirectoryError", (n, m) -> new NotADirectoryError(n, m, null));
        put("builtins.ProcessLookupError", (n, m) -> new ProcessLookupError(n, m, null));
        put("builtins.ChildProcessError", (n, m) -> new ChildProcessError(n, m, null));
        put("builtins.ConnectionError", (n, m) -> new ConnectionError(n, m, null));
        put("builtins.BrokenPipeError", (n, m) -> new BrokenPipeError(n, m, null));
        put("builtins.ConnectionResetError", (n, m) -> new ConnectionResetError(n, m, null));
        put("builtins.ConnectionRefusedError", (n, m) -> new ConnectionRefusedError(n, m, null));
        put("builtins.EOFError", (n, m) -> new EOFError(n, m, null));
        put("builtins.RuntimeError", (n, m) -> new RuntimeError(n, m, null));
        put("builtins.NotImplementedError", (n, m) -> new NotImplementedError(n, m, null));
        put("builtins.RecursionError", (n, m) -> new RecursionError(n, m, null));
        put("threading.BrokenBarrierError", (n, m) -> new BrokenBarrierError(n, m, null));
        put("builtins.TypeError", (n, m) -> new TypeError(n, m, null));
        put("builtins.ValueError", (n, m) -> new ValueError(n, m, null));
        put("builtins.UnicodeError", (n, m) -> new UnicodeError(n, m, null));
        put("builtins.UnicodeDecodeError", (n, m) -> new UnicodeDecodeError(n, m, null));
        put("builtins.UnicodeEncodeError", (n, m) -> new UnicodeEncodeError(n, m, null));
        put("queue.Empty", (n, m) -> new Empty(n, m, null));
        put("_queue.Empty", (n, m) -> new Empty(n, m, null));
        put("queue.Full", (n, m) -> new Full(n, m, null));
        put("queue.ShutDown", (n, m) -> new ShutDown(n, m, null));
        put("builtins.StopIteration", (n, m) -> new StopIteration(n, m, null));
        // concurrent.futures: CPython defines the classes in private submodules and re-exports them.
        for (String mod : new String[] {"concurrent.futures._base.", "concurrent.futures."}) {
            put(mod + "Error", (n, m) -> new FuturesError(n, m, null));
            put(mod + "CancelledError", (n, m) -> new CancelledError(n, m, null));
            put(mod + "InvalidStateError", (n, m) -> new InvalidStateError(n, m, null));
            put(mod + "BrokenExecutor", (n, m) -> new BrokenExecutor(n, m, null));
            put(mod + "TimeoutError", (n, m) -> new TimeoutError(n, m, null)); // before 3.11 its own class
        }
        put("subprocess.SubprocessError", (n, m) -> new SubprocessError(n, m, null));
        put("subprocess.TimeoutExpired", (n, m) -> new TimeoutExpired(n, m, null));
        put("subprocess.CalledProcessError", (n, m) -> new CalledProcessError(n, m, null));
        put("concurrent.futures.thread.BrokenThreadPool", (n, m) -> new BrokenThreadPool(n, m, null));
        put("concurrent.futures.process.BrokenProcessPool", (n, m) -> new BrokenProcessPool(n, m, null));
        put("concurrent.futures.interpreter.BrokenInterpreterPool", (n, m) -> new BrokenInterpreterPool(n, m, null));
        // multiprocessing: CPython defines them in multiprocessing.context and re-exports them.
        for (String mod : new String[] {"multiprocessing.context.", "multiprocessing."}) {
            put(mod + "ProcessError", (n, m) -> new ProcessError(n, m, null));
            put(mod + "BufferTooShort", (n, m) -> new BufferTooShort(n, m, null));
            put(mod + "AuthenticationError", (n, m) -> new AuthenticationError(n, m, null));
            put(mod + "TimeoutError", (n, m) -> new MultiprocessingTimeoutError(n, m, null));
        }
        // asyncio: CPython defines them in asyncio.exceptions and asyncio.queues and re-exports them.
        for (String mod : new String[] {"asyncio.exceptions.", "asyncio."}) {
            put(mod + "CancelledError", (n, m) -> new AsyncioCancelledError(n, m, null));
            put(mod + "InvalidStateError", (n, m) -> new AsyncioInvalidStateError(n, m, null));
            put(mod + "BrokenBarrierError", (n, m) -> new AsyncioBrokenBarrierError(n, m, null));
        }
        for (String mod : new String[] {"asyncio.queues.", "asyncio."}) {
            put(mod + "QueueEmpty", (n, m) -> new QueueEmpty(n, m, null));
            put(mod + "QueueFull", (n, m) -> new QueueFull(n, m, null));
            put(mod + "QueueShutDown", (n, m) -> new QueueShutDown(n, m, null));
        }
    }

    /** Known Python name (public or defining module) to its public spelling, the Java class's default name. */
    private static final Map<String, String> PUBLIC_NAME = new LinkedHashMap<>();
    /** Java class to its Python name. */
    private static final Map<Class<?>, String> CLASS_NAME = new LinkedHashMap<>();

    static {
        for (Map.Entry<String, Factory> e : BY_NAME.entrySet()) {
            BaseException sample = e.getValue().create(null, null);
            PUBLIC_NAME.put(e.getKey(), sample.defaultPythonName());
            CLASS_NAME.putIfAbsent(sample.getClass(), sample.defaultPythonName());
        }
    }

    private PyExceptions() {}

    /** The Python name of one of this package's exception classes, or null for another class. */
    static String nameOf(Class<?> c) {
        return CLASS_NAME.get(c);
    }

    private static void put(String name, Factory f) {
        BY_NAME.put(name, f);
    }

    /**
     * Builds the Java exception for a Python exception.
     *
     * @param mro the qualified names of the exception's class and its bases, most derived first, as
     *     {@code type(e).__mro__} gives them (module + "." + qualname); must not be empty
     * @param message {@code str(e)}
     * @return an instance of the Java class of the first known name along {@code mro}, whose
     *     {@link BaseException#pythonName()} is {@code mro.get(0)} and whose {@link BaseException#pythonMro()}
     *     is {@code mro} in public spellings
     */
    public static BaseException fromPython(List<String> mro, String message) {
        return fromPython(mro, message, Map.of());
    }

    /**
     * As {@link #fromPython(List, String)}, also giving the exception the Python attributes its Java class
     * keeps ({@code errno}, {@code strerror} and {@code filename} of an OSError; {@code cmd}, {@code timeout},
     * {@code returncode}, {@code stdout}, {@code stderr} of the subprocess exceptions).
     *
     * @param attrs attribute name to decoded plain value; names the class does not keep are ignored
     */
    public static BaseException fromPython(List<String> mro, String message, Map<String, Object> attrs) {
        Objects.requireNonNull(mro, "mro");
        if (mro.isEmpty()) {
            throw new IllegalArgumentException("empty MRO");
        }
        BaseException e = null;
        for (String name : mro) {
            Factory f = BY_NAME.get(name);
            if (f != null) {
                e = f.create(mro.get(0), message);
                break;
            }
        }
        if (e == null) {
            e = new BaseException(mro.get(0), message, null);
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String name : mro) {
            String pub = PUBLIC_NAME.getOrDefault(name, name);
            if (!names.contains(pub)) {
                names.add(pub);
            }
        }
        e.setPythonMro(names);
        if (attrs != null && !attrs.isEmpty()) {
            e.receiveAttributes(attrs);
        }
        return e;
    }

    /** True when {@code name} is a qualified Python class name with a Java class of its own here. */
    public static boolean isKnown(String name) {
        return BY_NAME.containsKey(name);
    }
}
