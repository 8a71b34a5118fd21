package dev.pyconc.reference.futures;

import dev.pyconc.spi.exceptions.BaseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The reference's stand-in for Python's {@code logging}: a record is written to standard error (as Python's
 * last-resort handler does when nothing is configured) and handed to every capture in progress
 * ({@link #capture(Runnable)}, behind {@code FuturesModule.captureLog}).
 */
final class RefLog {
    private static final List<Consumer<String>> CAPTURES = new CopyOnWriteArrayList<>();

    private RefLog() {}

    /** Logs {@code message} at ERROR on {@code logger} with the exception, as {@code Logger.exception} does. */
    static void exception(String logger, String message, BaseException e) {
        String record = "ERROR " + logger + ": " + message + " [" + e.pythonName() + ": "
                + (e.getMessage() == null ? "" : e.getMessage()) + "]";
        System.err.println(record);
        for (Consumer<String> c : CAPTURES) {
            c.accept(record);
        }
    }

    /** Runs {@code body} and returns the records logged meanwhile, from any thread. */
    static List<String> capture(Runnable body) {
        List<String> got = new CopyOnWriteArrayList<>();
        Consumer<String> sink = got::add;
        CAPTURES.add(sink);
        try {
            body.run();
        } finally {
            CAPTURES.remove(sink);
        }
        return new ArrayList<>(got);
    }
}
