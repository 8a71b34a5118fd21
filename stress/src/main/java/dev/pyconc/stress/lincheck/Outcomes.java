package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.function.Supplier;

/**
 * Turns the Python exceptions an operation may raise into result values, so Lincheck can compare them with the
 * sequential model's: {@code "None"} for a call that returned nothing, the Python exception name
 * ({@code "Full"}, {@code "Empty"}, {@code "ValueError"}, {@code "RuntimeError"}) for one that raised.
 */
final class Outcomes {
    static final String NONE = "None";
    static final String FULL = "Full";
    static final String EMPTY = "Empty";
    static final String VALUE_ERROR = "ValueError";
    static final String RUNTIME_ERROR = "RuntimeError";

    private Outcomes() {}

    /** Runs {@code r}: {@code "None"}, or the name of the expected Python exception it raised. */
    static String call(Runnable r) {
        return (String) value(() -> {
            r.run();
            return NONE;
        });
    }

    /** The value {@code s} returns, or the name of the expected Python exception it raised. */
    static Object value(Supplier<Object> s) {
        try {
            return s.get();
        } catch (Full e) {
            return FULL;
        } catch (Empty e) {
            return EMPTY;
        } catch (ValueError e) {
            return VALUE_ERROR;
        } catch (RuntimeError e) {
            return RUNTIME_ERROR;
        }
    }
}
