package dev.pyconc.conformance.graalpy;

import dev.pyconc.conformance.BuildDir;
import dev.pyconc.conformance.cpython.Interpreter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * GraalPy's command-line launcher, made from the Maven Central jars that the build copies into
 * {@code conformance/target/graalpy/lib} (or the folder named by {@code -Dpyconc.graalpyLib}): a JVM that runs
 * {@code org.graalvm.py.launcher/com.oracle.graal.python.shell.GraalPythonMain} from those jars on a module path.
 *
 * <p>The JVM: option {@code graalpyJava} (a JDK folder or its {@code bin/java}); else the running JVM if it is
 * Java 24 or newer; else the newest JDK 24+ under {@code /usr/lib/jvm}; else the running JVM (Java 17). On 24+
 * GraalPy uses its native POSIX backend (it needs native access granted to Truffle); before 24 Truffle cannot
 * load its attach library, so GraalPy runs with its Java (emulated) POSIX backend.
 *
 * <p>The launcher is a small shell script written into a private temporary folder, deleted when the adapter
 * closes; it is also GraalPy's {@code sys.executable}, so that the worker processes of a process pool start the
 * same way.
 */
final class GraalpyLauncher {
    static final String LIB_PROPERTY = "pyconc.graalpyLib";
    static final String MAIN = "org.graalvm.py.launcher/com.oracle.graal.python.shell.GraalPythonMain";
    /** The first Java version on which GraalPy's native POSIX backend works from a stock JDK. */
    static final int NATIVE_POSIX_JAVA = 24;
    /**
     * Default extra options for GraalPy's JVM (see {@link #javaOptions}). GraalPy runs here without Graal's
     * compiler (Truffle's interpreter only), so C2 compiling the interpreter itself is mostly cost: with C1 only,
     * measured on 2 loaded cores, {@code graalpy -c pass} took 9 s instead of 28 s, a sched run 35 s instead of
     * 74 s, and a bridge round trip 0.5 ms instead of 1.6 ms.
     */
    static final String DEFAULT_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1";
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private GraalpyLauncher() {}

    /** A JDK to run GraalPy on: its {@code bin/java} and its feature version. */
    record Jdk(Path java, int version, String why) {}

    /** Why the graalpy adapter cannot run here, or empty when it can (nothing is started to find out). */
    static Optional<String> missing(AdapterConfig config) {
        if (BuildDir.find(LIB_PROPERTY, "graalpy/lib").isEmpty()) {
            return Optional.of("GraalPy jars not found in " + BuildDir.describe(LIB_PROPERTY, "graalpy/lib")
                    + " (the build copies them there: ./mvnw -DskipTests package)");
        }
        try {
            jdk(config);
        } catch (AdapterUnavailableException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** Writes the launcher script and returns the interpreter that runs it. */
    static Interpreter create(AdapterConfig config) {
        Path lib = BuildDir.find(LIB_PROPERTY, "graalpy/lib").orElseThrow(() -> new AdapterUnavailableException(
                "graalpy adapter: " + missing(config).orElse("GraalPy jars not found")));
        Jdk jdk = jdk(config);
        boolean nativePosix = jdk.version() >= NATIVE_POSIX_JAVA;
        Path dir;
        Path script;
        try {
            dir = Files.createTempDirectory("pyconc-graalpy");
            script = dir.resolve("graalpy");
            List<String> cmd = new ArrayList<>(List.of(jdk.java().toString(),
                    "-Dpolyglot.engine.WarnInterpreterOnly=false",
                    "-Dorg.graalvm.launcher.executablename=" + script,
                    "--module-path", lib.toString()));
            cmd.addAll(javaOptions(config));
            if (nativePosix) {
                cmd.addAll(List.of("--enable-native-access=org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                        "-m", MAIN));
            } else {
                cmd.addAll(List.of("-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-m", MAIN,
                        "--python.PosixModuleBackend=java"));
            }
            StringBuilder sh = new StringBuilder("#!/bin/sh\n# GraalPy launcher written by pyconc's graalpy adapter.\nexec");
            for (String a : cmd) {
                sh.append(' ').append(quote(a));
            }
            sh.append(" \"$@\"\n");
            Files.writeString(script, sh, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new AdapterUnavailableException("graalpy adapter: cannot write the GraalPy launcher: " + e.getMessage(), e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("graalpy.java", jdk.java() + " (Java " + jdk.version() + ", " + jdk.why() + ")");
        details.put("graalpy.posixBackend", nativePosix ? "native" : "java (Java " + jdk.version() + " < "
                + NATIVE_POSIX_JAVA + ")");
        details.put("graalpy.lib", lib.toString());
        Path d = dir;
        Path s = script;
        return new Interpreter("graalpy", List.of(script.toString()), details, () -> {
            try {
                Files.deleteIfExists(s);
                Files.deleteIfExists(d);
            } catch (IOException | RuntimeException e) {
                // a temporary file left behind
            }
        });
    }

    /**
     * Extra options for GraalPy's JVM: option {@code graalpyJavaOptions} (split at spaces), else
     * {@link #DEFAULT_JAVA_OPTIONS}.
     */
    static List<String> javaOptions(AdapterConfig config) {
        String s = config.get("graalpyJavaOptions").orElse(DEFAULT_JAVA_OPTIONS);
        return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
    }

    /** The JDK to run GraalPy on (see the class comment). */
    static Jdk jdk(AdapterConfig config) {
        Optional<String> given = config.get("graalpyJava");
        if (given.isPresent()) {
            Path p = Path.of(given.get());
            Path java = Files.isDirectory(p) ? p.resolve("bin/java") : p;
            if (!Files.isExecutable(java)) {
                throw new AdapterUnavailableException("graalpy adapter: no java at " + java + " (option graalpyJava)");
            }
            Path home = java.toAbsolutePath().getParent() == null ? null : java.toAbsolutePath().getParent().getParent();
            int v = home == null ? -1 : releaseVersion(home).orElse(-1);
            if (v < 0) {
                throw new AdapterUnavailableException("graalpy adapter: cannot tell the Java version of " + java
                        + " (no release file beside it; option graalpyJava)");
            }
            return new Jdk(java, v, "option graalpyJava");
        }
        Path running = Path.of(System.getProperty("java.home"), "bin", "java");
        int runningVersion = Runtime.version().feature();
        if (runningVersion >= NATIVE_POSIX_JAVA) {
            return new Jdk(running, runningVersion, "the running JVM");
        }
        Optional<Jdk> newer = installedJdks().filter(j -> j.version() >= NATIVE_POSIX_JAVA)
                .max(Comparator.comparingInt(Jdk::version));
        return newer.orElse(new Jdk(running, runningVersion, "the running JVM; no JDK " + NATIVE_POSIX_JAVA
                + "+ under /usr/lib/jvm"));
    }

    private static Stream<Jdk> installedJdks() {
        Path root = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        List<Jdk> out = new ArrayList<>();
        try (Stream<Path> homes = Files.list(root)) {
            homes.sorted().forEach(home -> {
                Path java = home.resolve("bin/java");
                if (Files.isExecutable(java)) {
                    releaseVersion(home).ifPresent(v -> out.add(new Jdk(java, v, "found under /usr/lib/jvm")));
                }
            });
        } catch (IOException e) {
            // none found
        }
        return out.stream();
    }

    /** The feature version in a JDK's {@code release} file. */
    private static Optional<Integer> releaseVersion(Path home) {
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
