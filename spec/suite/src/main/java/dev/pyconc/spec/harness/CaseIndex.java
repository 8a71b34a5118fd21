package dev.pyconc.spec.harness;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
     * @param id {@code Class#method}, with the concrete class the case runs in
     * @param method the method (declared by {@code testClass} or inherited from an abstract contract class)
     * @param checks the behaviour ids of its {@link Checks} as bound for {@code testClass}, empty if it has none
     * @param testClass the concrete case class
     */
    public record Case(String id, Method method, List<String> checks, Class<?> testClass) {}

    private CaseIndex() {}

    /**
     * Every method annotated as a JUnit test or template of a concrete {@link PyCase} class in
     * {@link #CASES_PACKAGE}, including those it inherits from an abstract contract class (listed under the
     * concrete class, with their ids bound by its {@link Binding}s). Abstract classes are not listed.
     */
    public static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        List<Class<?>> classes = ReflectionSupport.findAllClassesInPackage(CASES_PACKAGE,
                c -> c.isAnnotationPresent(PyCase.class) && !Modifier.isAbstract(c.getModifiers())
                        && !c.isInterface(), n -> true);
        for (Class<?> c : classes) {
            out.addAll(casesOf(c));
        }
        out.sort(Comparator.comparing(Case::id));
        return out;
    }

    /**
     * The case methods of one concrete class: its own and those it inherits, each signature once, the most
     * derived declaration winning. A method overriding a case without a test annotation hides the case, as in
     * JUnit, which then runs neither.
     */
    public static List<Case> casesOf(Class<?> c) {
        List<Case> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                // Record the signature before the test check, so that an override without @Test hides the case.
                if (seen.add(m.getName() + java.util.Arrays.toString(m.getParameterTypes())) && isTest(m)) {
                    out.add(new Case(c.getName() + "#" + m.getName(), m, PyconcExtension.checks(c, m), c));
                }
            }
        }
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
