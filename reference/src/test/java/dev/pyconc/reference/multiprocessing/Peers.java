package dev.pyconc.reference.multiprocessing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The other processes of the cross-process tests: a second JVM on this test class path, and the CPythons on the machine. */
public final class Peers {
    private Peers() {}

    private static volatile Optional<Path> python314;

    /**
     * CPython 3.14 as org.bytedeco:cpython unpacks it into JavaCPP's cache ({@code -Dpyconc.python314} overrides):
     * the first copy that runs, since another build may be unpacking a copy of its own right now.
     */
    public static Optional<Path> python314() {
        String p = System.getProperty("pyconc.python314");
        if (p != null) {
            return Optional.of(Path.of(p));
        }
        Optional<Path> found = python314;
        if (found != null) {
            return found;
        }
        Path cache = Path.of(System.getProperty("user.home"), ".javacpp", "cache");
        found = Optional.empty();
        if (Files.isDirectory(cache)) {
            try (Stream<Path> s = Files.list(cache)) {
                found = s.sorted().map(d -> d.resolve("org/bytedeco/cpython/linux-x86_64/python3.14"))
                        .filter(Files::isExecutable).filter(Peers::runs).findFirst();
            } catch (IOException e) {
                found = Optional.empty();
            }
        }
        python314 = found;
        return found;
    }

    private static boolean runs(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import _multiprocessing, multiprocessing.shared_memory")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The system's python3 (3.11 on Debian 12; {@code -Dpyconc.python3} overrides). */
    public static Optional<Path> systemPython() {
        Path p = Path.of(System.getProperty("pyconc.python3", "/usr/bin/python3"));
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /** Both, when there. */
    public static List<Path> pythons() {
        List<Path> l = new ArrayList<>();
        python314().ifPresent(l::add);
        systemPython().ifPresent(l::add);
        return l;
    }

    /** {@code java -cp <this class path> main args...}, stderr merged into stdout. */
    public static Process java(Class<?> main, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** {@code python -c script args...}, stderr merged into stdout. */
    public static Process python(Path python, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-c", script));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Waits for {@code p} (killing it after {@code seconds}) and returns its output; fails on a non-zero exit. */
    public static String finish(Process p, double seconds) throws IOException, InterruptedException {
        byte[] out;
        try {
            if (!p.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("peer " + p.info().commandLine().orElse("?") + " timed out: "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor();
            }
        }
        out = p.getInputStream().readAllBytes();
        String s = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("peer exited with " + p.exitValue() + ": " + s);
        }
        return s;
    }
}
