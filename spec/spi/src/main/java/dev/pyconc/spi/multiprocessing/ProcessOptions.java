package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.PyCallable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code multiprocessing.Process(...)}: group, target, name, args and kwargs by position, daemon
 * by keyword only. {@code null} means Python's default (None); {@code target} is a
 * {@link MultiprocessingModule#routine(Routine) routine}, since a Java callable cannot run in another process.
 *
 * @param group must stay None (any other value is passed through so the implementation can refuse it)
 * @param target the routine run by {@code run()}, or None for a process that does nothing
 * @param name the process name, or None for the generated {@code Process-N[:M...]}
 * @param args positional arguments for the target: a {@link dev.pyconc.spi.PyTuple} is kept as it is and reaches
 *     the implementation as a tuple, any other list is copied and reaches it as a list; never null (empty when
 *     left out)
 * @param kwargs keyword arguments for the target; never null (empty when left out)
 * @param daemon the daemon flag, or None to inherit the creating process's
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Process">Process</a>
 */
public record ProcessOptions(Object group, PyCallable target, String name, List<Object> args,
        Map<String, Object> kwargs, Boolean daemon) {

    /**
     * Copies args (unless it is an immutable {@link dev.pyconc.spi.PyTuple}, kept so that a tuple stays a tuple)
     * and kwargs, so that later changes of the caller's collections do not leak in.
     */
    public ProcessOptions {
        args = args == null ? List.of()
                : args instanceof dev.pyconc.spi.PyTuple t ? t : Collections.unmodifiableList(new ArrayList<>(args));
        kwargs = kwargs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    }

    /** {@code Process(target=target, args=args)}. */
    public static ProcessOptions of(PyCallable target, Object... args) {
        return new ProcessOptions(null, target, null, java.util.Arrays.asList(args), Map.of(), null);
    }

    /** These options with {@code name}. */
    public ProcessOptions withName(String n) {
        return new ProcessOptions(group, target, n, args, kwargs, daemon);
    }

    /** These options with {@code daemon} (null for None). */
    public ProcessOptions withDaemon(Boolean d) {
        return new ProcessOptions(group, target, name, args, kwargs, d);
    }

    /** These options with {@code group}. */
    public ProcessOptions withGroup(Object g) {
        return new ProcessOptions(g, target, name, args, kwargs, daemon);
    }

    /** These options with {@code kwargs}. */
    public ProcessOptions withKwargs(Map<String, Object> k) {
        return new ProcessOptions(group, target, name, args, k, daemon);
    }
}
