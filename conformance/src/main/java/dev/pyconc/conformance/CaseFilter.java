package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Profile;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The {@code --module} and {@code --id} selection, applied at discovery so that cases left out never run.
 * A case is kept when it belongs to one of the modules (if any are given) and one of the globs matches one
 * of its behaviour ids, its id ({@code fully.qualified.Class#method}) or its short id ({@code Class#method})
 * (if any globs are given), and the {@link Profile} runs it (the default profile leaves out the cases that
 * check an implementation detail of CPython). Classes left without cases are pruned by the launcher.
 */
public final class CaseFilter implements PostDiscoveryFilter {
    private final List<String> modules;
    private final List<Glob> ids;
    private final Profile profile;
    private final Set<String> leftOutByProfile = ConcurrentHashMap.newKeySet();

    /** A filter in the {@link Profile#CPYTHON} profile, which keeps every case the modules and globs select. */
    public CaseFilter(List<String> modules, List<String> idGlobs) {
        this(modules, idGlobs, Profile.CPYTHON);
    }

    public CaseFilter(List<String> modules, List<String> idGlobs, Profile profile) {
        this.modules = List.copyOf(modules);
        this.ids = idGlobs.stream().map(Glob::new).toList();
        this.profile = profile;
    }

    /** Whether this filter keeps everything. */
    public boolean selectsAll() {
        return modules.isEmpty() && ids.isEmpty() && profile == Profile.CPYTHON;
    }

    /** How many case methods the modules and globs selected but the profile left out, so far. */
    public int leftOutByProfile() {
        return leftOutByProfile.size();
    }

    @Override
    public FilterResult apply(TestDescriptor d) {
        Optional<MethodSource> ms = d.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        if (ms.isEmpty() || d.getParent().flatMap(TestDescriptor::getSource).filter(MethodSource.class::isInstance).isPresent()) {
            return FilterResult.included("not a case method");
        }
        Method m;
        Class<?> c;
        try {
            m = ms.get().getJavaMethod();
            c = ms.get().getJavaClass();
        } catch (RuntimeException e) {
            return FilterResult.included("method not resolvable; kept so that the run reports it");
        }
        CaseInfo info = CaseInfo.of(c, m);
        if (!test(info)) {
            return FilterResult.excluded("not selected");
        }
        if (!profile.runs(info.implementationDetail())) {
            leftOutByProfile.add(info.id());
            return FilterResult.excluded("an implementation detail, left out by profile " + profile.label());
        }
        return FilterResult.included("selected");
    }

    /** Whether the case is selected by the modules and globs (whatever the profile). */
    public boolean test(CaseInfo c) {
        if (!modules.isEmpty() && c.modules().stream().noneMatch(modules::contains)) {
            return false;
        }
        if (ids.isEmpty()) {
            return true;
        }
        for (Glob g : ids) {
            if (g.matches(c.id()) || g.matches(c.shortId()) || c.behaviours().stream().anyMatch(g::matches)) {
                return true;
            }
        }
        return false;
    }
}
