package dev.pyconc.conformance;

import dev.pyconc.spi.AdapterUnavailableException;
import dev.pyconc.spi.PyModule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import dev.pyconc.reports.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pyconc} command line: {@code run}, {@code matrix}, {@code catalog}, {@code show}, {@code adapters},
 * {@code report}.
 *
 * <p>Exit codes: 0 success (for {@code run}: no FAIL, ERROR or TIMEOUT and at least one case ran), 1 a run
 * that does not conform or a problem (unknown adapter, id or module, missing interpreter), 2 bad usage.
 * Problems are reported as one line on standard error.
 */
@Command(name = "pyconc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, MatrixCommand.class, CatalogCommand.class, ShowCommand.class, AdaptersCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a run that found a problem or failed. */
    public static final int EXIT_FAILURE = CommandLines.EXIT_FAILURE;
    /** Exit code of bad usage. */
    public static final int EXIT_USAGE = CommandLines.EXIT_USAGE;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of run, matrix, catalog, show, adapters, report");
    }

    public static void main(String[] args) {
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** Runs the command line with these streams and returns the exit code (for tests and {@link #main}). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.getCommandSpec().usageMessage().description("Python's documented concurrency behaviour ("
                + String.join(", ", PyModule.pythonNames()) + ") as executable cases: "
                + "run them against an implementation, browse the catalog.");
        return CommandLines.execute(cl, "pyconc", USER_FACING, out, err, args);
    }

    /** Exceptions whose message is written for the user (shown alone, without the class name). */
    static final java.util.List<Class<? extends Throwable>> USER_FACING = java.util.List.of(
            AdapterUnavailableException.class, ConformanceException.class, UncheckedIOException.class,
            IllegalArgumentException.class);

    /** The one-line message for a problem: the user-facing text for known kinds, class and message otherwise. */
    static String oneLine(Throwable ex) {
        return CommandLines.oneLine(ex, USER_FACING);
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pyconc " + (v == null ? "(development build)" : v)};
        }
    }
}
