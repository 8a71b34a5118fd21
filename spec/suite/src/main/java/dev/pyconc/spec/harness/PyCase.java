package dev.pyconc.spec.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of cases: its test methods run against the adapter of the run (configuration parameter or
 * system property {@code pyconc.adapter}, default {@code reference}) and may take {@link dev.pyconc.spi.Adapter},
 * {@link dev.pyconc.spi.threading.ThreadingModule}, {@link dev.pyconc.spi.queue.QueueModule} and
 * {@link Harness} parameters.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("pyconc")
@ExtendWith(PyconcExtension.class)
public @interface PyCase {}
