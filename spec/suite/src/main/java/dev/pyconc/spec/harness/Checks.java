package dev.pyconc.spec.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catalog ids of the behaviours a case checks; every case method has one.
 *
 * <p>Ids may hold {@code {name}} placeholders that the concrete case class binds with {@link Binding}. On a
 * case class, the ids are added to those of each of its case methods (e.g. a binding's constructor that only
 * exists from some Python version on: its cases then are NOT_APPLICABLE before it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Checks {
    /** Behaviour ids, e.g. {@code threading.Lock.release/any-thread-may-release} or {@code {lock}.release/any-thread-may-release}. */
    String[] value();
}
