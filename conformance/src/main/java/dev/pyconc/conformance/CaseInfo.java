package dev.pyconc.conformance;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.spec.harness.CaseIndex;
import dev.pyconc.spec.harness.Profile;
import dev.pyconc.spec.harness.PyconcExtension;
import dev.pyconc.spi.PyModule;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the runner knows about a case method before running it.
 *
 * @param className fully qualified class name
 * @param simpleClassName the class's simple name
 * @param methodName the method's name
 * @param behaviours the catalog ids of its {@code @Checks}
 * @param module its Python module: that of its first catalogued behaviour, else the last part of its package
 *     under {@value CaseIndex#CASES_PACKAGE}
 * @param modules every module it touches: its behaviours' modules and its package's
 */
public record CaseInfo(String className, String simpleClassName, String methodName, List<String> behaviours,
        String module, Set<String> modules) {

    /**
     * Facts about {@code m} run as a case of the concrete class {@code c}, which declares it or inherits it
     * from a contract class: the ids are bound for {@code c} and the case is named after {@code c}.
     */
    public static CaseInfo of(Class<?> c, Method m) {
        List<String> ids = PyconcExtension.checks(c, m);
        Set<String> modules = new LinkedHashSet<>();
        for (String id : ids) {
            Optional<Behaviour> b = Catalog.standard().find(id);
            b.ifPresent(x -> modules.add(x.module()));
        }
        String pkgModule = packageModule(c.getPackageName());
        String module = modules.isEmpty() ? pkgModule : modules.iterator().next();
        modules.add(pkgModule);
        return new CaseInfo(c.getName(), c.getSimpleName(), m.getName(), ids, module, Set.copyOf(modules));
    }

    /**
     * The Python module of a case package: {@code dev.pyconc.spec.cases.<key>} gives the {@link PyModule} of that
     * {@linkplain PyModule#key() key} ({@code threading} gives {@code threading}, {@code futures} gives
     * {@code concurrent.futures}, {@code thread} gives {@code _thread}); any other package (a key outside the
     * registry, or a package outside the cases package) gives its last part.
     */
    static String packageModule(String pkg) {
        String prefix = CaseIndex.CASES_PACKAGE + ".";
        if (pkg.startsWith(prefix)) {
            String rest = pkg.substring(prefix.length());
            int dot = rest.indexOf('.');
            String key = dot < 0 ? rest : rest.substring(0, dot);
            return PyModule.byKey(key).map(PyModule::pythonName).orElse(key);
        }
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** {@code fully.qualified.Class#method}, as {@link CaseIndex} names cases. */
    public String id() {
        return className + "#" + methodName;
    }

    /** Whether it checks an implementation detail of CPython rather than a documented promise ({@link Profile}). */
    public boolean implementationDetail() {
        return Profile.isDetail(behaviours);
    }

    /** {@code SimpleClass#method}. */
    public String shortId() {
        return simpleClassName + "#" + methodName;
    }
}
