package dev.pyconc.spec.cases.subprocess;

import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.subprocess.FileObject;
import dev.pyconc.spi.subprocess.Os;
import dev.pyconc.spi.subprocess.Popen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the subprocess cases share: argv builders, ending a child, bounded waits on blocking calls, pipes made
 * in the implementation, temporary files, and reading {@code /proc}.
 */
final class Children {
    private Children() {}

    /** {@code b'...'} for ASCII text. */
    static PyBytes b(String s) {
        return PyBytes.utf8(s);
    }

    /** {@code ['sh', '-c', script, 'sh', args...]}: the script sees args as $1, $2, ... */
    static List<String> sh(String script, String... args) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(Arrays.asList(args));
        return List.copyOf(argv);
    }

    /**
     * Ends a child the case started, whatever state it is in: kill() unless it is known to have exited, a wait
     * bounded by {@link Timing#LONG}, then closes the parent's pipe ends. Python errors are ignored (the case
     * already has its verdict); null is allowed.
     */
    static void end(Popen p) {
        if (p == null) {
            return;
        }
        try {
            if (p.returncode() == null) {
                p.kill();
            }
        } catch (BaseException ignored) {
            // already gone
        }
        try {
            p.await(Timing.LONG);
        } catch (BaseException ignored) {
            // nothing more a case can do
        }
        for (Supplier<FileObject> s : List.<Supplier<FileObject>>of(p::stdin, p::stdout, p::stderr)) {
            try {
                FileObject f = s.get();
                if (f != null) {
                    f.close();
                }
            } catch (BaseException ignored) {
                // a broken pipe on close does not matter here
            }
        }
    }

    /** A blocking call the case bounds. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Throwable;
    }

    /**
     * Runs a call that may block (a read, an untimed wait) on a helper thread and waits for it at most
     * {@link Timing#LONG}; its Python exception is rethrown here. On the deadline the case fails; its finally
     * block then ends the child, which unblocks the call.
     */
    static <T> T within(Harness h, String what, Call<T> call) {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = h.start(what, () -> {
            try {
                result.set(call.call());
                if (result.get() == null) {
                    result.set(NULL);
                }
            } catch (Throwable e) {
                error.set(e);
            }
        });
        h.poll(what, () -> result.get() != null || error.get() != null);
        h.join(t);
        if (error.get() != null) {
            sneakyThrow(error.get());
        }
        Object r = result.get();
        @SuppressWarnings("unchecked")
        T out = r == NULL ? null : (T) r;
        return out;
    }

    private static final Object NULL = new Object();

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    /** A pipe made in the implementation's process: {@code [read_fd, write_fd]}, both non-inheritable. */
    static long[] pipe(Os os) {
        PyTuple t = os.pipe();
        return new long[] {((Number) t.get(0)).longValue(), ((Number) t.get(1)).longValue()};
    }

    /** Closes fds of the implementation, ignoring ones already closed. */
    static void close(Os os, long... fds) {
        for (long fd : fds) {
            try {
                os.close(fd);
            } catch (BaseException ignored) {
                // already closed
            }
        }
    }

    /** A fresh temporary directory (its real path, without symlinks). */
    static Path tempDir() {
        try {
            return Files.createTempDirectory("pyconc-subprocess-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree made by {@link #tempDir()}; null is allowed. */
    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Writes a file with the given POSIX permissions, e.g. {@code rwxr-xr-x}. */
    static Path write(Path file, String content, String perms) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's content as text, or null if it does not exist. */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's bytes. */
    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name: index 0 is the state, 2 pgrp, 3 session. */
    static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process group of {@code pid}, from {@code /proc}. */
    static long pgrp(long pid) {
        return Long.parseLong(stat(pid)[2]);
    }

    /** The session of {@code pid}, from {@code /proc}. */
    static long session(long pid) {
        return Long.parseLong(stat(pid)[3]);
    }

    /** Whether a process (a zombie included) with this pid exists. */
    static boolean exists(long pid) {
        return Files.exists(Path.of("/proc/" + pid));
    }

    /** A hex mask line of {@code /proc/<pid>/status}, e.g. {@code SigIgn}. */
    static long statusMask(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseUnsignedLong(line.substring(field.length() + 1).trim(), 16);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    /** {@code /proc/<pid>/status}'s {@code SigIgn} mask parsed from text a child printed. */
    static long sigIgnOf(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("SigIgn:")) {
                return Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        }
        throw new IllegalStateException("no SigIgn in: " + status);
    }

    /**
     * Asserts that starting a child raises {@code type}; if the implementation starts one anyway, that child is
     * ended before the assertion fails.
     */
    static <E extends Throwable> E assertPopenRaises(Class<E> type, Supplier<Popen> start) {
        Popen[] started = new Popen[1];
        try {
            return org.junit.jupiter.api.Assertions.assertThrows(type, () -> started[0] = start.get());
        } finally {
            end(started[0]);
        }
    }
}
