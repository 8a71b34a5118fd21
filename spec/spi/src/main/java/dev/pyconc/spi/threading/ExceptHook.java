package dev.pyconc.spi.threading;

/** A value of {@code threading.excepthook}: called with the details of an exception a thread's run() raised. */
@FunctionalInterface
public interface ExceptHook {
    /** Calls the hook. */
    void call(ExceptHookArgs args);
}
