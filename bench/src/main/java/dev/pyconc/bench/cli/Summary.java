package dev.pyconc.bench.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code pyconc bench} measured: {@code summary.json} (this record, times in nanoseconds per operation) and
 * {@code summary.md} (the same as a Markdown table, each row in its own unit).
 *
 * @param date when the run started (ISO 8601, local time with offset)
 * @param machine where it ran
 * @param settings how it measured
 * @param rows one per operation, in table order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Summary(String date, Machine machine, Settings settings, List<Row> rows) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The machine facts.
     *
     * @param os name, version and architecture
     * @param cpu the processor's model name (Linux: {@code /proc/cpuinfo}), or null
     * @param cores the processors the JVM may use
     * @param jdk the JVM's name and runtime version
     * @param cpython the Python of the CPython column (implementation and version), or null when not run
     * @param load the system's load averages (1, 5, 15 minutes; Linux: {@code /proc/loadavg}) when the run started
     *     and when it ended, or null: a load near or above {@code cores} means other work shared the processors
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Machine(String os, String cpu, int cores, String jdk, String cpython, String load) {}

    /**
     * The settings.
     *
     * @param mode {@code full} or {@code quick}
     * @param jmh JMH's version and iterations, e.g. {@code JMH 1.37, average time, 3 x 1 s warm-up, ...}
     * @param cpython how the CPython column was timed, or why it was not
     * @param python the interpreter's path, or null when not run
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Settings(String mode, String jmh, String cpython, String python) {}

    /**
     * One cell: a time, or why there is none.
     *
     * @param what the benchmark (class and method) or, for CPython, the Python code timed
     * @param nsPerOp nanoseconds per operation (JMH: the average; CPython: the best repeat), or null
     * @param errorNs JMH's 99.9% confidence half-width in nanoseconds, or null
     * @param bestNsPerOp the fastest sample in nanoseconds per operation (JMH: the fastest measurement iteration;
     *     CPython: the best repeat, as {@code nsPerOp}), or null
     * @param note why there is no time (e.g. the benchmark failed), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cell(String what, Double nsPerOp, Double errorNs, Double bestNsPerOp, String note) {
        static Cell missing(String what, String note) {
            return new Cell(what, null, null, null, note);
        }

        boolean measured() {
            return nsPerOp != null && nsPerOp > 0;
        }
    }

    /**
     * One row.
     *
     * @param id the row's key ({@link dev.pyconc.bench.BenchRow#id()})
     * @param operation the Python call
     * @param javaOperation the Java counterpart, as Java code
     * @param unit the unit of this row's Markdown cells ({@code ns/op}, {@code us/op} or {@code ms/op})
     * @param reference the reference's time
     * @param java the Java counterpart's time
     * @param cpython CPython's time
     * @param referenceOverJava reference / Java (below 1: the reference is faster), or null
     * @param referenceOverCpython reference / CPython (below 1: the reference is faster), or null
     * @param referenceBestOverCpython the reference's fastest iteration / CPython's best repeat: best against
     *     best, less sensitive to other work on the machine than the average against the best; or null
     * @param target the row's target for reference / Java ({@link dev.pyconc.bench.BenchRow#target()}), or null
     * @param targetMet whether reference / Java was at most the target, or null (no target, or not measured)
     * @param cpythonApplies false when CPython's column does not apply to the row (its cell's note says why)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String id, String operation, String javaOperation, String unit, Cell reference, Cell java, Cell cpython,
            Double referenceOverJava, Double referenceOverCpython, Double referenceBestOverCpython, Double target,
            Boolean targetMet, boolean cpythonApplies) {
        static Row of(String id, String operation, String javaOperation, String jmhUnit, Cell reference, Cell java,
                Cell cpython, Double target, boolean cpythonApplies) {
            String unit = jmhUnit != null ? jmhUnit : unitFor(reference, java, cpython);
            Double best = reference.bestNsPerOp() != null && cpython.bestNsPerOp() != null
                    ? reference.bestNsPerOp() / cpython.bestNsPerOp() : null;
            Double overJava = ratio(reference, java);
            Boolean met = target == null || overJava == null ? null : overJava <= target;
            return new Row(id, operation, javaOperation, unit, reference, java, cpython, overJava,
                    ratio(reference, cpython), best, target, met, cpythonApplies);
        }

        /** Whether every cell has a time (the CPython one only if {@code withCpython} and it applies to the row). */
        boolean complete(boolean withCpython) {
            return reference.measured() && java.measured() && (!withCpython || !cpythonApplies || cpython.measured());
        }
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("summary.json").toFile(), this);
        Files.writeString(dir.resolve("summary.md"), markdown(), StandardCharsets.UTF_8);
    }

    /** The Markdown: a heading, the machine and settings, the table, and the Java counterparts. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# pyconc bench\n\n");
        sb.append("- date: ").append(date).append('\n');
        sb.append("- machine: ").append(machine.os());
        if (machine.cpu() != null) {
            sb.append(", ").append(machine.cpu());
        }
        sb.append(", ").append(machine.cores()).append(machine.cores() == 1 ? " core" : " cores").append('\n');
        sb.append("- JDK: ").append(machine.jdk()).append('\n');
        if (machine.load() != null) {
            sb.append("- load average: ").append(machine.load()).append('\n');
        }
        sb.append("- CPython: ").append(machine.cpython() == null ? "not run" : machine.cpython()
                + (settings.python() == null ? "" : " (" + settings.python() + ")")).append('\n');
        sb.append("- reference and Java timed by: ").append(settings.jmh()).append('\n');
        sb.append("- CPython timed by: ").append(settings.cpython()).append("\n\n");
        sb.append(table());
        sb.append('\n').append(verdict()).append('\n');
        sb.append("\nA ratio below 1: the reference is faster. The reference's and Java's times are JMH's averages,"
                + " CPython's the best repeat");
        List<Row> best = rows.stream().filter(r -> r.referenceBestOverCpython() != null).toList();
        if (!best.isEmpty()) {
            sb.append("; best against best (the reference's fastest iteration / CPython's best repeat): ");
            sb.append(String.join(", ", best.stream().map(r -> "`" + r.operation() + "` "
                    + ratioText(r.referenceBestOverCpython())).toList()));
        }
        sb.append(".\n\nJava counterparts:\n\n");
        for (Row r : rows) {
            sb.append("- `").append(r.operation()).append("`: `").append(r.javaOperation()).append("`\n");
        }
        List<String> notes = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.reference(), r.java(), r.cpython()))
                .filter(c -> c.note() != null).map(c -> c.what() + ": " + c.note()).distinct().toList();
        if (!notes.isEmpty()) {
            sb.append("\nNot measured:\n\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    /** The table alone (what the command prints). */
    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| operation | reference | Java counterpart | reference / Java | target | CPython | reference / CPython |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append("| `").append(r.operation()).append("` | ")
                    .append(cell(r.reference(), r.unit())).append(" | ")
                    .append(cell(r.java(), r.unit())).append(" | ")
                    .append(ratioText(r.referenceOverJava())).append(" | ")
                    .append(targetText(r)).append(" | ")
                    .append(r.cpythonApplies() ? cell(r.cpython(), r.unit()) : "—").append(" | ")
                    .append(r.cpythonApplies() ? ratioText(r.referenceOverCpython()) : "—").append(" |\n");
        }
        return sb.toString();
    }

    /** The target cell: {@code ≤ 1.30 met}, {@code ≤ 1.30 missed}, or empty for a row without target. */
    static String targetText(Row r) {
        if (r.target() == null) {
            return "";
        }
        String t = "≤ " + String.format(Locale.ROOT, "%.2f", r.target());
        return r.targetMet() == null ? t : t + (r.targetMet() ? " met" : " **missed**");
    }

    /**
     * One line on the targets: how many rows met their target ratio to Java, and on how many the reference was
     * faster than CPython (reference / CPython below 1), naming the rows that were not.
     */
    String verdict() {
        List<Row> targeted = rows.stream().filter(r -> r.targetMet() != null).toList();
        List<Row> compared = rows.stream().filter(r -> r.cpythonApplies() && r.referenceOverCpython() != null).toList();
        List<String> missed = targeted.stream().filter(r -> !r.targetMet()).map(r -> "`" + r.operation() + "`").toList();
        List<String> slower = compared.stream().filter(r -> r.referenceOverCpython() >= 1).map(r -> "`" + r.operation() + "`")
                .toList();
        return "Targets met: " + (targeted.size() - missed.size()) + " of " + targeted.size()
                + (missed.isEmpty() ? "" : " (missed: " + String.join(", ", missed) + ")")
                + ". Faster than CPython: " + (compared.size() - slower.size()) + " of " + compared.size() + " rows"
                + (slower.isEmpty() ? "" : " (not: " + String.join(", ", slower) + ")") + ".";
    }

    static String cell(Cell c, String unit) {
        if (!c.measured()) {
            return "n/a";
        }
        double scale = JmhRun.nanosPer(unit);
        String s = number(c.nsPerOp() / scale);
        if (c.errorNs() != null) {
            s += " ± " + number(c.errorNs() / scale);
        }
        return s + " " + unit;
    }

    static String number(double v) {
        String f = v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, v);
    }

    static String ratioText(Double r) {
        return r == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
    }

    static Double ratio(Cell a, Cell b) {
        return a.measured() && b.measured() ? a.nsPerOp() / b.nsPerOp() : null;
    }

    /** A unit for a row no JMH benchmark of which ran: by the size of its largest time. */
    static String unitFor(Cell... cells) {
        double max = 0;
        for (Cell c : cells) {
            if (c.measured()) {
                max = Math.max(max, c.nsPerOp());
            }
        }
        return max >= 1e7 ? "ms/op" : max >= 1e4 ? "us/op" : "ns/op";
    }
}
