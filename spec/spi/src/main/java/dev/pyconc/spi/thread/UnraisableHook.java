package dev.pyconc.spi.thread;

/**
 * A value of {@code sys.unraisablehook}: called with the details of an exception Python could not raise to
 * anyone, such as one escaping a function run by {@code _thread.start_new_thread}. Java name: the Python
 * attribute {@code unraisablehook} in Java conventions; the module {@code sys} is reached through
 * {@link ThreadModule#setUnraisableHook}, since {@code _thread} is the part of the SPI that sends exceptions
 * there.
 *
 * @see <a href="https://docs.python.org/3/library/sys.html#sys.unraisablehook">sys.unraisablehook</a>
 */
@FunctionalInterface
public interface UnraisableHook {
    /** Calls the hook. */
    void call(UnraisableHookArgs args);
}
