package dev.pyconc.spec.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The catalog ids of the behaviours a case checks; every case method has one. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Checks {
    /** Behaviour ids, e.g. {@code threading.Lock.release/any-thread-may-release}. */
    String[] value();
}
