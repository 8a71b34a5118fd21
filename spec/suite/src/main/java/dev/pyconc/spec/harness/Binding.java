package dev.pyconc.spec.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a placeholder of the {@link Checks} ids of a contract's cases to the Python API a concrete case class
 * runs them against, so that one suite serves several bindings (like CPython's {@code lock_tests.py} base
 * classes, or Guava testlib's suites).
 *
 * <p>An abstract contract class writes ids such as {@code "{lock}.acquire/nonblocking-held-returns-false"};
 * the concrete class {@code @Binding(name = "lock", api = "_thread.lock")} makes its results name
 * {@code _thread.lock.acquire/nonblocking-held-returns-false}. The nearest binding of a name in the class
 * hierarchy wins. See CONTRIBUTING.md, "One suite, several bindings".
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Binding {
    /** The placeholder's name, written {@code {name}} in the ids. */
    String name();

    /** What it stands for: the dotted Python API of the binding, e.g. {@code threading.Lock}. */
    String api();
}
