package dev.pyconc.conformance.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.LinkedBlockingQueue;

/** The Python side of one Java thread, or the Java side of one Python thread. */
final class Partner {
    final String key;
    final boolean pythonCreated;
    final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    /** Id of the innermost call in flight, 0 when idle. */
    volatile long current;
    /** Id of the last call whose Python side started running. */
    volatile long started;
    volatile boolean ended;
    volatile boolean abandoned;
    volatile Thread thread;

    Partner(String key, boolean pythonCreated) {
        this.key = key;
        this.pythonCreated = pythonCreated;
    }
}
