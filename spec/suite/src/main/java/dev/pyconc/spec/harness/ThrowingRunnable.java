package dev.pyconc.spec.harness;

/** A body of code that may throw anything; failures are recorded by the {@link Harness}. */
@FunctionalInterface
public interface ThrowingRunnable {
    void run() throws Throwable;
}
