package dev.pyconc.stress;

import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spi.Adapter;

/**
 * The adapter every stress test uses: one per JVM, named by system property {@code pyconc.adapter}
 * (default {@value Adapters#DEFAULT}), found with ServiceLoader. jcstress forks JVMs, so the property must be
 * passed to the forks too ({@code -jvmArgsPrepend -Dpyconc.adapter=NAME}).
 */
public final class StressAdapter {
    private static final Adapter ADAPTER = Adapters.create(System.getProperty("pyconc.adapter", Adapters.DEFAULT));

    private StressAdapter() {}

    /** The adapter of this JVM. */
    public static Adapter get() {
        return ADAPTER;
    }
}
