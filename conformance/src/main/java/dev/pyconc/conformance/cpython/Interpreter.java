package dev.pyconc.conformance.cpython;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the Python that the bridge drives: the command that stands for {@code python} (the bridge adds
 * {@code -E -s -u agent.py}), and what the adapter built on it is called. The {@code cpython} adapter's command
 * is one executable; the {@code graalpy} adapter's is a launcher script that runs GraalPy on a JVM. Both drive
 * the same agent through the same {@link Session}.
 *
 * @param adapterName the adapter's name ({@code cpython}, {@code graalpy})
 * @param command the interpreter command: an executable and any options of its own
 * @param details facts about how it was found, added to the adapter's details (e.g. the JDK GraalPy runs on)
 * @param cleanup run when the adapter is closed (e.g. deleting a generated launcher); never throws
 */
public record Interpreter(String adapterName, List<String> command, Map<String, String> details, Runnable cleanup) {
    public Interpreter {
        Objects.requireNonNull(adapterName, "adapterName");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty interpreter command");
        }
        details = Map.copyOf(details);
        cleanup = cleanup == null ? () -> { } : cleanup;
    }

    /** A plain interpreter executable (a path or a command on PATH) for the {@code cpython} adapter. */
    public static Interpreter of(String python) {
        return new Interpreter("cpython", List.of(python), Map.of(), null);
    }

    /** The command as one line, for messages. */
    public String display() {
        return String.join(" ", command);
    }
}
