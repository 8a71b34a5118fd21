package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spi.AdapterProvider;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pyconc adapters}: the adapter providers on the class path. */
@Command(name = "adapters", mixinStandardHelpOptions = true,
        description = "Lists the adapters found on the class path (name and description); none is started.")
final class AdaptersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<AdapterProvider> all = Adapters.providers().stream().sorted(Comparator.comparing(AdapterProvider::name)).toList();
        if (all.isEmpty()) {
            throw new ConformanceException("no adapter on the class path");
        }
        int w = all.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (AdapterProvider p : all) {
            out.println(String.format("%-" + w + "s  %s%s", p.name(), p.description(),
                    p.name().equals(Adapters.DEFAULT) ? " (default)" : ""));
        }
        out.flush();
        return 0;
    }
}
