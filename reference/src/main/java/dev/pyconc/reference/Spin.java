package dev.pyconc.reference;

/**
 * The one bound on this package's brief spins: how many times a thread that is about to park looks again (with
 * {@link Thread#onSpinWait()} between looks) whether what it waits for has already happened. On two or more CPUs
 * the other thread is often a few hundred nanoseconds from releasing it, and a look is far cheaper than a park and
 * an unpark; on one CPU the other thread cannot run while this one spins, so there is no spin at all. A spin never
 * changes what a thread waits for or in which order threads get it: it only delays the park by at most
 * {@link #LIMIT} looks (a few microseconds), and a timed wait's deadline still counts from the call.
 */
final class Spin {
    private static final boolean MULTI_CPU = Runtime.getRuntime().availableProcessors() > 1;

    /** Looks before parking: 128 on a machine with more than one CPU, else 0. */
    static final int LIMIT = MULTI_CPU ? 128 : 0;

    /**
     * The longer spin of a thread waiting for a hand-off in {@code Condition.wait}, in nanoseconds: longer than a
     * parked thread takes to wake (10-15 microseconds on this project's machines), so that two threads handing
     * work back and forth stop parking at all while both run; 0 on one CPU. Settable for experiments with
     * {@code -Dpyconc.reference.handoffSpinNanos=N}.
     */
    static final long HANDOFF_NANOS = MULTI_CPU ? Long.getLong("pyconc.reference.handoffSpinNanos", 20_000L) : 0;

    private Spin() {}
}
