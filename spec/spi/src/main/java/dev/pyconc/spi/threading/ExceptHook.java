package dev.pyconc.spi.threading;

import dev.pyconc.spi.Blocking;
/** A value of {@code threading.excepthook}: called with the details of an exception a thread's run() raised. */
@FunctionalInterface
public interface ExceptHook {
    /** Calls the hook. */
    @Blocking
    void call(ExceptHookArgs args);
}
