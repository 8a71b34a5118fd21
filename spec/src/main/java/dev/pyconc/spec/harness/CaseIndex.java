package dev.pyconc.spec.harness;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.commons.support.ReflectionSupport;

/** Finds the case methods of the spec and the behaviour ids each checks, without running anything. */
public final class CaseIndex {
    /** The package holding every case class. */
    public static final String CASES_PACKAGE = "dev.pyconc.spec.cases";

    /**
     * One case method.
     *
     * @param id {@code Class#method}
     * @param method the method
     * @param checks the behaviour ids of its {@link Checks}, empty if it has none
     */
    public record Case(String id, Method method, List<String> checks) {}

    private CaseIndex() {}

    /** Every method of a {@link PyCase} class in {@link #CASES_PACKAGE} annotated as a JUnit test or template. */
    public static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        List<Class<?>> classes = ReflectionSupport.findAllClassesInPackage(CASES_PACKAGE,
                c -> c.isAnnotationPresent(PyCase.class), n -> true);
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                if (isTest(m)) {
                    out.add(new Case(c.getName() + "#" + m.getName(), m, PyconcExtension.checks(m)));
                }
            }
        }
        out.sort(Comparator.comparing(Case::id));
        return out;
    }

    /** Behaviour id to the ids of the cases that check it. */
    public static Map<String, List<String>> casesByBehaviour() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Case c : cases()) {
            for (String id : c.checks()) {
                m.computeIfAbsent(id, k -> new ArrayList<>()).add(c.id());
            }
        }
        return m;
    }

    private static boolean isTest(Method m) {
        for (var a : m.getAnnotations()) {
            String n = a.annotationType().getName();
            if (n.equals("org.junit.jupiter.api.Test") || n.equals("org.junit.jupiter.params.ParameterizedTest")
                    || n.equals("org.junit.jupiter.api.RepeatedTest") || n.equals("org.junit.jupiter.api.TestFactory")) {
                return true;
            }
        }
        return false;
    }
}
