package dev.pyconc.spec.cases.subprocess;

/** Linux's signal numbers the cases use (there is no {@code signal} SPI yet); Python's {@code signal.SIG*}. */
final class Signals {
    /** {@code SIGINT}. */
    static final int SIGINT = 2;
    /** {@code SIGQUIT}. */
    static final int SIGQUIT = 3;
    /** {@code SIGKILL}. */
    static final int SIGKILL = 9;
    /** {@code SIGUSR1}. */
    static final int SIGUSR1 = 10;
    /** {@code SIGPIPE}. */
    static final int SIGPIPE = 13;
    /** {@code SIGTERM}. */
    static final int SIGTERM = 15;
    /** {@code SIGXFSZ}. */
    static final int SIGXFSZ = 25;

    private Signals() {}

    /** The bit of signal {@code sig} in a {@code /proc/<pid>/status} mask such as {@code SigIgn}. */
    static long bit(int sig) {
        return 1L << (sig - 1);
    }
}
