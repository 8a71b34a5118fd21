package dev.pyconc.reference.multiprocessing.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.BufferTooShort;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.exceptions.ValueError;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * This package against real CPythons, both ways, with and without a key, AF_UNIX and AF_INET: CPython 3.14
 * (the org.bytedeco:cpython interpreter JavaCPP unpacked under {@code ~/.javacpp/cache}; skipped when absent)
 * speaks the {@code {sha256}} handshake, the system {@code python3} (3.11 here) the legacy HMAC-MD5 one.
 * The CPython side is {@code peer.py}, run with {@code -c}; every child is waited for with a deadline and killed
 * past it, and no socket file or temporary directory is left behind.
 */
@Timeout(120)
class CpythonInteropTest {
    private static final long DEADLINE_S = 60;
    private static final PyBytes KEY = PyBytes.utf8("pyconc-key");
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Process> children = new ArrayList<>();
    private final List<Path> leftovers = new ArrayList<>();
    private Listener listener;

    @AfterEach
    void tearDown() throws Exception {
        if (listener != null) {
            listener.close();
        }
        for (Process p : children) {
            if (!p.waitFor(DEADLINE_S, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("CPython child " + p.pid() + " outlived its deadline and was killed");
            }
        }
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        for (Path p : leftovers) {
            assertFalse(Files.exists(p), "left behind: " + p);
        }
    }

    // ------------------------------------------------------------------------------------------ interpreters

    /** The interpreters to talk to: python3 always, CPython 3.14 when JavaCPP has unpacked it. */
    static Stream<Arguments> pythons() {
        return Stream.of(Arguments.of("python3", python3()), Arguments.of("cpython-3.14", python314().orElse(null)));
    }

    /**
     * {@code python3}'s {@code sys.executable}, asked once: here python3 is a pyenv shim that costs 0.6 s a start,
     * the interpreter behind it 0.15 s. Falls back to {@code python3} itself.
     */
    static String python3() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(DEADLINE_S, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return "python3";
            }
            return p.exitValue() == 0 && !out.isEmpty() ? out : "python3";
        } catch (IOException e) {
            return "python3";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "python3";
        }
    }

    static Stream<Arguments> pythonsAndFamilies() {
        return pythons().flatMap(p -> Stream.of("AF_UNIX", "AF_INET")
                .map(f -> Arguments.of(p.get()[0], p.get()[1], f)));
    }

    /** {@code ~/.javacpp/cache/<jar>/org/bytedeco/cpython/linux-x86_64/python3.14}, the release jar's first. */
    static Optional<String> python314() {
        Path cache = Path.of(System.getProperty("user.home"), ".javacpp", "cache");
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(cache, 6)) {
            return s.filter(p -> p.getFileName().toString().equals("python3.14")
                            && p.getParent().getFileName().toString().equals("linux-x86_64")
                            && Files.isRegularFile(p) && Files.isExecutable(p))
                    .sorted((a, b) -> Boolean.compare(!a.toString().contains("/cpython-3.14"),
                            !b.toString().contains("/cpython-3.14")))
                    .map(Path::toString).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String executable(String name, String path) {
        Assumptions.assumeTrue(path != null, name + ": no python3.14 under ~/.javacpp/cache/**/linux-x86_64 "
                + "(JavaCPP unpacks it the first time the cpython adapter runs)");
        return path;
    }

    private Process start(String python, String... args) throws IOException {
        String script;
        try (InputStream in = CpythonInteropTest.class.getResourceAsStream("peer.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.start();
        children.add(p);
        return p;
    }

    /** The child's exit status within the deadline, and its stdout. */
    private static Map.Entry<Integer, String> finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(DEADLINE_S, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("CPython child did not finish within " + DEADLINE_S + " s");
        }
        return Map.entry(p.exitValue(), out);
    }

    private static String json(Object address) {
        if (address instanceof List<?> l) {
            return "[\"" + l.get(0) + "\", " + l.get(1) + "]";
        }
        return "\"" + address + "\"";
    }

    private static String hex(PyBytes key) {
        return key == null ? "-" : HexFormat.of().formatHex(key.toByteArray());
    }

    // ------------------------------------------------------------------------------------------ the session

    /** The values peer.py's {@code values()} builds, as Java builds them. */
    static List<Object> values() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("z", 1L);
        dict.put("a", 2.5);
        dict.put("m", List.of(PyBytes.utf8("x"), PyTuple.of("t")));
        List<Object> v = new ArrayList<>();
        v.add(null);
        v.addAll(List.of(true, false, 0L, -1L, 1L << 62, Long.MIN_VALUE, BigInteger.TWO.pow(100),
                BigInteger.TWO.pow(70).negate(), 1.5, -0.25, "", "h\u00e9llo \u20ac\uD834\uDD1E", PyBytes.of(all),
                PyBytes.empty(), PyTuple.of(), PyTuple.of(1L), PyTuple.of(1L, "a", null), List.of(),
                List.of(1L, List.of(2L, PyTuple.of(3L))), dict, Map.of()));
        return v;
    }

    private static byte[] pattern(int repeats) {
        byte[] b = new byte[256 * repeats];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** The Java half of peer.py's {@code session}; returns the peer's (major, minor). */
    private static PyTuple session(Connection c) {
        Object got = c.recv();
        assertEquals(values(), got);
        Map<?, ?> dict = (Map<?, ?>) ((List<?>) got).get(20);
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(dict.keySet()), "dict order kept");
        assertInstanceOf(Long.class, ((List<?>) got).get(3), "0 is a Long");
        assertInstanceOf(PyTuple.class, ((List<?>) got).get(17));

        List<?> exceptions = (List<?>) c.recv();
        assertEquals("bad", assertInstanceOf(ValueError.class, exceptions.get(0)).getMessage());
        FileNotFoundError f = assertInstanceOf(FileNotFoundError.class, exceptions.get(1));
        assertEquals("[Errno 2] No such file or directory: 'x'", f.getMessage());
        assertEquals(2L, f.errno());
        assertEquals("'k'", assertInstanceOf(KeyError.class, exceptions.get(2)).getMessage());
        AuthenticationError a = assertInstanceOf(AuthenticationError.class, exceptions.get(3));
        assertEquals("multiprocessing.context.AuthenticationError", a.pythonName());
        assertInstanceOf(EOFError.class, exceptions.get(4));

        assertArrayEquals(pattern(400), c.recvBytes().toByteArray(), "100 KiB message");
        List<?> big = (List<?>) c.recv();
        assertEquals(PyBytes.of(pattern(300)), big.get(0));
        assertEquals("s".repeat(70000), big.get(1));

        BufferTooShort tooShort = assertThrows(BufferTooShort.class, () -> c.recvBytesInto(new byte[10]));
        assertEquals(PyBytes.utf8("0123456789".repeat(10)), tooShort.data());

        c.send(values());
        assertEquals("ok", c.recv(), "CPython's verdict on the values Java pickled");
        c.send(List.of(new ValueError("v"), new FileNotFoundError(2, "No such file or directory", "f"),
                new AuthenticationError("a"), new KeyError("k")));
        assertEquals("ok", c.recv(), "CPython's verdict on the exceptions Java pickled");
        c.sendBytes(pattern(1200));
        assertEquals("ok", c.recv(), "CPython's verdict on a 300 KiB message");
        Object echo = List.of(PyTuple.of(PyBytes.of(pattern(1)), "\u00e9"), Map.of("k", List.of()));
        c.send(echo);
        assertEquals(echo, c.recv(), "echoed by CPython");
        PyTuple version = (PyTuple) c.recv();
        assertThrows(EOFError.class, c::recv, "CPython closed its end");
        c.close();
        return version;
    }

    private static void assertVersion(String name, PyTuple version) {
        assertEquals(3L, version.get(0));
        if (name.equals("cpython-3.14")) {
            assertEquals(14L, version.get(1));
        }
    }

    /** The digests CPython of this version uses: sha256 from 3.12 on, legacy raw MD5 before. */
    private static List<String> digests(PyTuple version) {
        return (Long) version.get(1) >= 12 ? List.of("sha256", "sha256") : List.of("md5", "md5");
    }

    // ------------------------------------------------------------------------------------------ the tests

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("pythonsAndFamilies")
    void cpythonClientToJavaListener(String name, String path, String family) throws Exception {
        String python = executable(name, path);
        for (PyBytes key : java.util.Arrays.asList(KEY, null)) {
            listener = new Listener(null, family, 1, key);
            if (family.equals("AF_UNIX")) {
                leftovers.add(Path.of((String) listener.address()));
                leftovers.add(Path.of((String) listener.address()).getParent());
            }
            Process p = start(python, "client", json(listener.address()), hex(key));
            Connection c = listener.accept();
            List<String> digests = c.authDigests();
            PyTuple version = session(c);
            assertVersion(name, version);
            assertEquals(key == null ? List.of() : digests(version), digests);
            Map.Entry<Integer, String> r = finish(p);
            assertEquals(0, r.getKey(), r.getValue());
            listener.close();
        }
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("pythonsAndFamilies")
    void javaClientToCpythonListener(String name, String path, String family) throws Exception {
        String python = executable(name, path);
        for (PyBytes key : java.util.Arrays.asList(KEY, null)) {
            String address = family.equals("AF_INET") ? "[\"127.0.0.1\", 0]" : "null";
            Process p = start(python, "listener", address, hex(key), family);
            Object a = readAddress(p);
            if (a instanceof String s) {
                leftovers.add(Path.of(s));
                leftovers.add(Path.of(s).getParent());
            }
            Connection c = Client.connect(a, null, key);
            List<String> digests = c.authDigests();
            PyTuple version = session(c);
            assertVersion(name, version);
            assertEquals(key == null ? List.of() : digests(version), digests);
            Map.Entry<Integer, String> r = finish(p);
            assertEquals(0, r.getKey(), r.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void wrongKeyFailsOnBothSides(String name, String path) throws Exception {
        String python = executable(name, path);
        // CPython connects with the wrong key to a Java listener.
        listener = new Listener(null, "AF_UNIX", 1, KEY);
        leftovers.add(Path.of((String) listener.address()));
        Process p = start(python, "client", json(listener.address()), hex(PyBytes.utf8("wrong")));
        AuthenticationError server = assertThrows(AuthenticationError.class, listener::accept);
        assertEquals("digest received was wrong", server.getMessage());
        Map.Entry<Integer, String> r = finish(p);
        assertEquals(3, r.getKey(), r.getValue());
        assertEquals("AUTH digest sent was rejected", r.getValue().strip());
        listener.close();
        // Java connects with the wrong key to a CPython listener.
        Process q = start(python, "listener", "[\"127.0.0.1\", 0]", hex(KEY), "AF_INET");
        Object a = readAddress(q);
        AuthenticationError client = assertThrows(AuthenticationError.class,
                () -> Client.connect(a, null, PyBytes.utf8("wrong")));
        assertEquals("digest sent was rejected", client.getMessage());
        Map.Entry<Integer, String> s = finish(q);
        assertEquals(3, s.getKey(), s.getValue());
        assertEquals("AUTH digest received was wrong", s.getValue().strip());
    }

    /** The listener's {@code ADDRESS <json>} line: a path, or [host, port] as a tuple. */
    private Object readAddress(Process p) throws Exception {
        // Byte by byte, unbuffered: what follows the line (an AUTH verdict) stays for finish().
        Future<String> line = pool.submit(() -> {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            for (int c = p.getInputStream().read(); c != -1 && c != '\n'; c = p.getInputStream().read()) {
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
        });
        String l = line.get(DEADLINE_S, TimeUnit.SECONDS);
        if (l == null || !l.startsWith("ADDRESS ")) {
            fail("CPython listener did not give its address: " + l);
        }
        String j = l.substring("ADDRESS ".length()).strip();
        if (j.startsWith("[")) {
            String[] parts = j.substring(1, j.length() - 1).split(",");
            return PyTuple.of(parts[0].strip().replace("\"", ""), Long.parseLong(parts[1].strip()));
        }
        return j.substring(1, j.length() - 1);
    }
}
