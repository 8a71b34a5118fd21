package dev.pyconc.reports.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * What pyconc's command lines ({@code pyconc}, {@code pyconc stress}, {@code pyconc bench}) share: their streams,
 * and how they end on a problem, with one line on stderr and an exit code: 2 for bad usage (with a pointer
 * to the command's {@code --help}), 1 for a failure.
 */
public final class CommandLines {
    /** Exit code of a run that found a problem or failed. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of bad usage (an unknown option, a bad value). */
    public static final int EXIT_USAGE = 2;

    private CommandLines() {}

    /**
     * Runs {@code command} with these streams and returns its exit code.
     *
     * @param name how the command is called, for messages: {@code pyconc}, {@code pyconc stress}
     * @param userFacing exception classes whose message is written for the user (shown alone); any other
     *     exception is shown with its class name
     */
    public static int execute(Object command, String name, List<Class<? extends Throwable>> userFacing,
            PrintWriter out, PrintWriter err, String... args) {
        return execute(new CommandLine(command), name, userFacing, out, err, args);
    }

    /** As {@link #execute(Object, String, List, PrintWriter, PrintWriter, String...)}, for a prepared command line. */
    public static int execute(CommandLine cl, String name, List<Class<? extends Throwable>> userFacing,
            PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(name + ": " + ex.getMessage() + " (see " + name + " " + subcommands(ex.getCommandLine()) + "--help)");
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            err.println(name + ": error: " + oneLine(ex, userFacing));
            err.flush();
            return EXIT_FAILURE;
        });
        return cl.execute(args);
    }

    /** The subcommands from the root to {@code cl}, each followed by a space: {@code "run "}; empty for the root. */
    private static String subcommands(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /**
     * The one-line message for a problem: the message alone for the user-facing kinds, the class and message
     * otherwise; line breaks folded into spaces.
     */
    public static String oneLine(Throwable ex, List<Class<? extends Throwable>> userFacing) {
        boolean plain = userFacing.stream().anyMatch(k -> k.isInstance(ex));
        String msg = plain ? ex.getMessage() : ex.toString();
        if (msg == null) {
            msg = ex.getClass().getName();
        }
        return msg.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
