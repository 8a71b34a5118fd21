package dev.pyconc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.spec.harness.CaseIndex;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.support.ModuleTable;
import dev.pyconc.spi.threading.ThreadingModule;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The module registry, its lookups, and the conventions the rest of pyconc derives from it. */
class PyModuleTest {

    @Test
    void lookupsFindEachRowByItsNames() {
        for (PyModule m : PyModule.all()) {
            assertEquals(Optional.of(m), PyModule.byPythonName(m.pythonName()), m.name());
            assertEquals(Optional.of(m), PyModule.byKey(m.key()), m.name());
            assertEquals(Optional.of(m), PyModule.byApi(m.api()), m.name());
        }
        assertEquals(Optional.empty(), PyModule.byPythonName("signal"));
        assertEquals(Optional.empty(), PyModule.byKey("concurrent.futures"), "keys are the Java-safe names");
        assertEquals(Optional.empty(), PyModule.byApi(String.class));
    }

    @Test
    void ofApiTakesTheWholeDottedModuleName() {
        assertEquals(Optional.of(PyModule.CONCURRENT_FUTURES), PyModule.ofApi("concurrent.futures.Future.result"));
        assertEquals(Optional.of(PyModule.CONCURRENT_FUTURES), PyModule.ofApi("concurrent.futures"));
        assertEquals(Optional.of(PyModule.THREAD), PyModule.ofApi("_thread.LockType"));
        assertEquals(Optional.of(PyModule.THREADING), PyModule.ofApi("threading.Lock.acquire"));
        assertEquals(Optional.empty(), PyModule.ofApi("threadingx.Lock"), "a prefix ends at a dot");
        assertEquals(Optional.empty(), PyModule.ofApi("concurrent.interpreters.create"));
        assertEquals(Optional.empty(), PyModule.ofApi(null));
    }

    @Test
    void onlyThreadingAndQueueAreRequired() {
        assertEquals(List.of(PyModule.THREADING, PyModule.QUEUE),
                PyModule.all().stream().filter(PyModule::required).toList());
    }

    @Test
    void eachRowHasItsSpiPackageCatalogFileAndCases() {
        List<String> problems = new ArrayList<>();
        Set<String> casePackages = new TreeSet<>();
        for (CaseIndex.Case c : CaseIndex.cases()) {
            casePackages.add(c.testClass().getPackageName());
        }
        for (PyModule m : PyModule.all()) {
            if (!m.api().getPackageName().equals("dev.pyconc.spi." + m.key())) {
                problems.add(m + ": " + m.api().getName() + " is not in package dev.pyconc.spi." + m.key());
            }
            if (PyModuleTest.class.getClassLoader().getResource(Catalog.ROOT + m.catalogFile()) == null) {
                problems.add(m + ": no catalog file " + Catalog.ROOT + m.catalogFile());
            }
            if (!casePackages.contains(CaseIndex.CASES_PACKAGE + "." + m.key())) {
                problems.add(m + ": no case in package " + CaseIndex.CASES_PACKAGE + "." + m.key());
            }
        }
        for (String pkg : casePackages) {
            String key = pkg.substring(CaseIndex.CASES_PACKAGE.length() + 1).split("[.]")[0];
            if (PyModule.byKey(key).isEmpty()) {
                problems.add("case package " + pkg + " is named after no module of PyModule");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyCatalogEntryIsInARegistryModule() {
        Set<String> modules = new TreeSet<>();
        for (Behaviour b : Catalog.standard().entries()) {
            modules.add(b.module());
        }
        assertEquals(new TreeSet<>(PyModule.pythonNames()), modules);
    }

    @Test
    void anApiOutsideTheRegistryIsACatalogProblem() {
        Behaviour b = new Behaviour("signal.signal/x", "signal.signal", "https://docs.python.org/3/library/signal.html#a",
                "s", null, null, null, null, null, null, null);
        assertTrue(b.problems().stream().anyMatch(p -> p.contains("in no module of PyModule")), b.problems().toString());
    }

    @Test
    void moduleTableChecksTheWiringAndNamesWhatIsMissing() {
        ThreadingModule threading = stub(ThreadingModule.class);
        QueueModule queue = stub(QueueModule.class);
        ModuleTable t = new ModuleTable("x", Map.of(PyModule.QUEUE, queue, PyModule.THREADING, threading));
        assertEquals(List.of(PyModule.THREADING, PyModule.QUEUE), List.copyOf(t.modules()), "registry order");
        assertEquals(threading, t.module(PyModule.THREADING));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> t.module(PyModule.CONCURRENT_FUTURES));
        assertEquals("adapter 'x' does not provide concurrent.futures", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModuleTable("x", Map.of(PyModule.THREADING, threading)),
                "queue is required");
        assertThrows(IllegalArgumentException.class, () -> new ModuleTable("x",
                Map.of(PyModule.THREADING, threading, PyModule.QUEUE, threading)), "not a QueueModule");
    }

    @Test
    void typedModuleAccessGoesThroughTheRegistry() {
        ThreadingModule threading = stub(ThreadingModule.class);
        ModuleTable t = new ModuleTable("x", Map.of(PyModule.THREADING, threading,
                PyModule.QUEUE, stub(QueueModule.class)));
        Adapter a = (Adapter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Adapter.class},
                (p, m, args) -> {
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(p, m, args);
                    }
                    return switch (m.getName()) {
                        case "module" -> t.module((PyModule) args[0]);
                        case "name" -> "x";
                        default -> throw new UnsupportedOperationException(m.getName());
                    };
                });
        assertEquals(threading, a.module(ThreadingModule.class));
        assertThrows(UnsupportedOperationException.class, () -> a.module(FuturesModule.class));
        assertThrows(IllegalArgumentException.class, () -> a.module(String.class));
    }

    private static <T> T stub(Class<T> api) {
        return api.cast(Proxy.newProxyInstance(PyModuleTest.class.getClassLoader(), new Class<?>[] {api},
                (p, m, args) -> switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    case "toString" -> api.getSimpleName() + " stub";
                    default -> throw new UnsupportedOperationException(m.getName());
                }));
    }
}
