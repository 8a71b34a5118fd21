package dev.pyconc.reference.multiprocessing.managers;

import dev.pyconc.reference.multiprocessing.shm.SharedMemory;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.multiprocessing.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The main of a SharedMemoryManager's process: CPython's {@code SharedMemoryServer} with its
 * {@code _SharedMemoryTracker}, serving one duplex connection to the manager object instead of a listening
 * socket. Requests are lists: {@code ["track_segment", name]} records a block name, {@code ["release_segment",
 * name]} unlinks and forgets one, {@code ["list_segments"]} answers the names, {@code ["shutdown"]} unlinks every
 * recorded block (a name already gone is skipped) and ends the process. Every request is answered
 * {@code ["#RETURN", value]} or {@code ["#ERROR", text of the exception]} (managers.py's {@code dispatch} kinds). The end of
 * the connection (the manager's process died) ends the server as shutdown does, so that no block outlives both.
 */
public final class SharedMemoryServer {
    private SharedMemoryServer() {}

    /** Serves {@code args.get(0)}, the child end of the manager's Pipe, until shutdown or its end. */
    public static Object serve(List<Object> args) {
        Connection c = (Connection) args.get(0);
        List<String> segments = new ArrayList<>();
        try {
            while (true) {
                Object m;
                try {
                    m = c.recv();
                } catch (EOFError | OSError e) {
                    unlinkAll(segments);
                    return null;
                }
                List<?> req = (List<?>) m;
                String op = (String) req.get(0);
                try {
                    switch (op) {
                        case "track_segment" -> {
                            segments.add((String) req.get(1));
                            c.send(reply("#RETURN", null));
                        }
                        case "release_segment" -> {
                            String name = (String) req.get(1);
                            segments.remove(name);
                            SharedMemory.unlink(name);
                            c.send(reply("#RETURN", null));
                        }
                        case "list_segments" -> c.send(reply("#RETURN", new ArrayList<>(segments)));
                        case "shutdown" -> {
                            unlinkAll(segments);
                            c.send(reply("#RETURN", null));
                            return null;
                        }
                        default -> c.send(reply("#ERROR", "AttributeError: no method " + op));
                    }
                } catch (dev.pyconc.spi.exceptions.PyException e) {
                    c.send(reply("#ERROR", e.toString()));
                }
            }
        } finally {
            c.close();
        }
    }

    private static List<Object> reply(String kind, Object value) {
        List<Object> r = new ArrayList<>(2);
        r.add(kind);
        r.add(value);
        return r;
    }

    /** {@code _SharedMemoryTracker.unlink()}: unlinks every recorded name, skipping those already gone. */
    private static void unlinkAll(List<String> segments) {
        for (String name : List.copyOf(segments)) {
            try {
                SharedMemory.unlink(name);
            } catch (FileNotFoundError e) {
                // unlinked already by a user of the block
            }
            segments.remove(name);
        }
    }
}
