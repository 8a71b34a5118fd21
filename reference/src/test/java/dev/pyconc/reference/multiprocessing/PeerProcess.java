package dev.pyconc.reference.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A peer process of a cross-process test ({@link Peers#java} or {@link Peers#python}) and its output lines, read
 * on a daemon thread so that every wait for a line is bounded (60 s). {@link #close()} kills it if it still runs
 * and waits for it (at most 30 s), so that a test's clean-up leaves no child on the failure path either.
 */
public final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final String who;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /**
     * Reads {@code process}'s output (stderr merged into it, as Peers starts it) from now on.
     *
     * @param who how failure messages name the peer ("the child", "CPython")
     */
    public PeerProcess(Process process, String who) {
        this.process = process;
        this.who = who;
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        }, "peer-reader");
        t.setDaemon(true);
        t.start();
    }

    /** The next line; fails the test if none comes within 60 s. */
    public String line() throws InterruptedException {
        String l = lines.poll(60, TimeUnit.SECONDS);
        if (l == null) {
            throw new AssertionError("no line from " + who + " within 60 s");
        }
        return l;
    }

    /** Fails the test, with {@code first} and what the peer writes in the next second, as {@code what}. */
    public AssertionError failure(String what, String first) throws InterruptedException {
        StringBuilder b = new StringBuilder(String.valueOf(first));
        for (String m; (m = lines.poll(1, TimeUnit.SECONDS)) != null; ) {
            b.append('\n').append(m);
        }
        return new AssertionError(what + ": " + b);
    }

    /** Fails the test unless the next line (within 60 s) is {@code line}, showing the rest of the output if not. */
    public void expect(String line) throws InterruptedException {
        String l = lines.poll(60, TimeUnit.SECONDS);
        if (!line.equals(l)) {
            throw failure("expected '" + line + "' from " + who + ", got", l);
        }
    }

    /** Fails the test unless the peer exits, with status 0, within 60 s. */
    public void exitsCleanly() throws InterruptedException {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), who + " did not exit");
        assertEquals(0, process.exitValue(), who + "'s exit status; rest of output: " + lines);
    }

    /** Kills the peer if it still runs, and waits for it (at most 30 s). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
