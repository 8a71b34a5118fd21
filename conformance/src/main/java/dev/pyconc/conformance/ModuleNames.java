package dev.pyconc.conformance;

import dev.pyconc.spi.PyModule;
import java.util.Iterator;

/**
 * The Python names of the {@link PyModule} registry, in registry order, as picocli's completion candidates:
 * the {@code --module} options list them in their help with {@code ${COMPLETION-CANDIDATES}}.
 */
final class ModuleNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return PyModule.pythonNames().iterator();
    }
}
