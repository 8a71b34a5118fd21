package dev.pyconc.conformance;

import dev.pyconc.reports.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pyconc report RESULTS... -o DIR}: the static HTML report of one or more results files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a static HTML report (works offline) of one or more results files: the behaviour x "
                + "implementation matrix grouped by module and API, a summary per implementation, filters, each "
                + "behaviour's documentation link and case source, and the stress summaries given.",
                "RESULTS are results.json files of 'pyconc run' (one per implementation), summary.json files of "
                        + "'pyconc stress', or folders holding one."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "e.g. results/reference results/cpython results/stress")
    List<Path> results = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "report",
            description = "Output folder (default: ${DEFAULT-VALUE}); DIR/index.html is the page.")
    Path out;

    @Option(names = "--allure",
            description = "Also gather the allure-results/ folder beside each results file into DIR/allure-results, "
                    + "one folder for Allure's HTML generator (see README).")
    boolean allure;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path index = HtmlReport.write(results, out);
        o.println("pyconc: wrote " + index + " (" + sizeKb(out) + " KB in " + out + ")");
        if (allure) {
            int n = gatherAllure(results, out.resolve("allure-results"));
            o.println("pyconc: gathered " + n + " Allure result files into " + out.resolve("allure-results"));
        }
        o.flush();
        return 0;
    }

    /**
     * Copies the result files of the {@code allure-results} folders beside {@code results} into {@code into};
     * their {@code environment.properties} become one, each key prefixed with its run's folder name.
     */
    static int gatherAllure(List<Path> results, Path into) {
        int n = 0;
        StringBuilder env = new StringBuilder();
        try {
            Files.createDirectories(into);
            for (Path r : results) {
                Path runDir = Files.isDirectory(r) ? r : r.toAbsolutePath().getParent();
                Path dir = runDir.resolve("allure-results");
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) {
                        if (f.getFileName().toString().equals("environment.properties")) {
                            for (String line : Files.readAllLines(f)) {
                                if (!line.isBlank()) {
                                    env.append(runDir.getFileName()).append('.').append(line).append('\n');
                                }
                            }
                            continue;
                        }
                        Files.copy(f, into.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                        n++;
                    }
                }
            }
            Files.writeString(into.resolve("environment.properties"), env.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot gather Allure results into " + into + ": " + e.getMessage(), e);
        }
        return n;
    }

    private static long sizeKb(Path dir) {
        try (var s = Files.walk(dir)) {
            return (s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() + 1023) / 1024;
        } catch (IOException e) {
            return -1;
        }
    }
}
