package dev.pyconc.conformance;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.reports.CaseSources;
import dev.pyconc.spec.harness.CaseIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pyconc show ID}: one behaviour, its documentation link, and the source of the cases that check it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints a behaviour (summary, doc link, versions, tags) and the source of the case methods "
                + "that check it. ID is a behaviour id (see 'pyconc catalog') or a case id (Class#method).")
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "e.g. threading.Lock.release/any-thread-may-release")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Behaviour> found = Catalog.standard().find(id);
        if (found.isEmpty()) {
            List<CaseIndex.Case> byCase = CaseIndex.cases().stream().filter(c -> matchesCase(c, id)).toList();
            if (byCase.isEmpty()) {
                throw new ConformanceException("unknown id '" + id + "': not a behaviour id nor a case id "
                        + "(list them with 'pyconc catalog')");
            }
            for (CaseIndex.Case c : byCase) {
                for (String b : c.checks()) {
                    Catalog.standard().find(b).ifPresent(x -> printBehaviour(out, x, false));
                }
                printCase(out, c);
            }
            out.flush();
            return 0;
        }
        printBehaviour(out, found.get(), true);
        out.flush();
        return 0;
    }

    private static boolean matchesCase(CaseIndex.Case c, String id) {
        String simple = c.testClass().getSimpleName() + "#" + c.method().getName();
        return c.id().equals(id) || simple.equals(id) || CatalogCommand.shortCase(c.id()).equals(id);
    }

    private static void printBehaviour(PrintWriter out, Behaviour b, boolean withCases) {
        out.println(b.id());
        out.println("  summary:  " + b.summary());
        out.println("  api:      " + b.api());
        out.println("  docs:     " + b.doc());
        out.println("  versions: " + (b.since() == null && b.until() == null ? "every Python 3 version"
                : "Python " + (b.since() == null ? "3.0" : b.since()) + (b.until() == null ? " and later" : " to " + b.until())));
        out.println("  tags:     " + (b.tags().isEmpty() ? "-" : String.join(", ", b.tags())));
        if (!b.requires().isEmpty()) {
            out.println("  requires: " + String.join(", ", b.requires().stream()
                    .map(f -> f.name() + " (" + f.why() + ")").toList()));
        }
        if (!b.lacks().isEmpty()) {
            out.println("  applies without: " + String.join(", ", b.lacks().stream()
                    .map(f -> f.name() + " (" + f.why() + ")").toList()));
        }
        if (!b.testable()) {
            out.println("  untestable: " + b.untestable());
        }
        if (!withCases) {
            out.println();
            return;
        }
        List<String> cases = CaseIndex.casesByBehaviour().getOrDefault(b.id(), List.of());
        out.println("  cases:    " + (cases.isEmpty() ? "none" : cases.size()));
        for (CaseIndex.Case c : CaseIndex.cases()) {
            if (cases.contains(c.id())) {
                out.println();
                printCase(out, c);
            }
        }
    }

    /** The source comes from the class declaring the method (a contract class for an inherited case). */
    private static void printCase(PrintWriter out, CaseIndex.Case c) {
        String cls = c.method().getDeclaringClass().getName();
        Optional<CaseSources.Snippet> s = CaseSources.find(cls, c.method().getName());
        String where = s.map(x -> x.file().substring(CaseSources.ROOT.length()) + ":" + x.line()).orElse("source not packaged");
        out.println("--- " + CatalogCommand.shortCase(c.id()) + "  (" + where + ")");
        if (c.method().getDeclaringClass() != c.testClass()) {
            out.println("    (inherited from " + c.method().getDeclaringClass().getSimpleName() + "; checks "
                    + String.join(", ", c.checks()) + " in this binding)");
        }
        s.ifPresent(x -> out.print(x.text()));
    }
}
