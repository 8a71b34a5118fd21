package dev.pyconc.stress.seeded;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyVersion;
import dev.pyconc.spi.support.ModuleTable;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The reference adapter with one primitive replaced by a deliberately broken one. Everything else (name
 * aside) is forwarded to the wrapped reference adapter.
 */
final class SeededAdapter implements Adapter {
    private final String name;
    private final Adapter ref;
    private final ThreadingModule threading;
    private final QueueModule queue;

    SeededAdapter(String name, Adapter ref, Function<ThreadingModule, ThreadingModule> threading,
            Function<QueueModule, QueueModule> queue) {
        this.name = name;
        this.ref = ref;
        this.threading = threading.apply(ref.module(ThreadingModule.class));
        this.queue = queue.apply(ref.module(QueueModule.class));
    }

    @Override public String name() { return name; }
    @Override public String implementation() { return ref.implementation() + " (seeded bug: " + name + ")"; }
    @Override public PyVersion pythonVersion() { return ref.pythonVersion(); }
    @Override public Set<Feature> features() { return ref.features(); }
    @Override public Map<String, String> details() { return ref.details(); }
    @Override public Object module(PyModule m) {
        return switch (m) {
            case THREADING -> threading;
            case QUEUE -> queue;
            default -> throw ModuleTable.notProvided(name, m);
        };
    }
    @Override public <T> T runInMainThread(java.util.function.Supplier<T> body) { return ref.runInMainThread(body); }
    @Override public void beginCase(String caseId) { ref.beginCase(caseId); }
    @Override public void endCase() { ref.endCase(); }
    @Override public boolean isBlocked(Thread thread) { return ref.isBlocked(thread); }
    @Override public String dumpThreads() { return ref.dumpThreads(); }
    @Override public void close() { ref.close(); }
}
