package dev.pyconc.reference.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pyconc.reference.multiprocessing.Peers;
import dev.pyconc.spi.PyBytes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ShareableList port against CPython 3.14 and the system's 3.11: the same bytes in the block for the same items,
 * a list made in Java read and changed by CPython, and the reverse. CPython's ShareableList always attaches tracked,
 * so the scripts unregister what they attach from their resource tracker.
 */
@Timeout(120)
class ShareableListInteropTest {
    /** One list with every type, trailing NULs, a multi-byte str and an empty bytes. */
    private static final List<Object> ITEMS = Arrays.asList(-3L, 2.5, true, false, "h\u00e9llo", PyBytes.utf8("c\0"),
            null, PyBytes.empty(), "0123456789");
    private static final String PY_ITEMS = "[-3, 2.5, True, False, 'h\\xe9llo', b'c\\x00', None, b'', '0123456789']";
    private static final String UNTRACK = "from multiprocessing import resource_tracker, shared_memory\n"
            + "def untrack(l):\n    resource_tracker.unregister(l.shm._name, 'shared_memory')\n";

    private final OwnBlocks own = new OwnBlocks();

    @AfterEach
    void clean() throws InterruptedException {
        own.assertGone();
    }

    static Stream<Path> pythons() {
        List<Path> ps = Peers.pythons();
        assumeTrue(!ps.isEmpty(), "no CPython found");
        return ps.stream();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void sameBytesAsCPythonForTheSameItems(Path python) throws Exception {
        String hex = Peers.finish(Peers.python(python, UNTRACK + String.join("\n",
                "l = shared_memory.ShareableList(" + PY_ITEMS + ")",
                "print(l.shm.name, bytes(l.shm.buf).hex())",
                "l.shm.close()",
                "l.shm.unlink()")), 30).strip();
        own.add(hex.substring(0, hex.indexOf(' ')));
        hex = hex.substring(hex.indexOf(' ') + 1);
        RefShareableList l = RefShareableList.create(ITEMS, null);
        own.add(l.shm().name());
        try {
            String mine = HexFormat.of().formatHex(l.shm().block().buf().read(0, (int) l.shm().size()));
            assertEquals(hex, mine);
        } finally {
            l.shm().close();
            l.shm().unlink();
        }
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void javaMakesCPythonReadsAndAssigns(Path python) throws Exception {
        RefShareableList l = RefShareableList.create(ITEMS, null);
        own.add(l.shm().name());
        try {
            String out = Peers.finish(Peers.python(python, UNTRACK + String.join("\n",
                    "import sys",
                    "l = shared_memory.ShareableList(name=sys.argv[1])",
                    "untrack(l)",
                    "print(list(l) == [-3, 2.5, True, False, 'h\\xe9llo', b'c', None, b'', '0123456789'], l.format, len(l))",
                    "l[0] = 'py'",
                    "l[4] = 12345",
                    "l[8] = b'from python'",
                    "l.shm.close()"), l.shm().name()), 30);
            assertEquals("True qdxxxxxxx?xxxxxxx?8s8sxxxxxx?x8s16s 9", out.strip());
            assertEquals("py", l.get(0));
            assertEquals(12345L, l.get(4));
            assertEquals(PyBytes.utf8("from python"), l.get(8));
            assertEquals(8, l.index(PyBytes.utf8("from python")));
        } finally {
            l.shm().close();
            l.shm().unlink();
        }
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void cpythonMakesJavaReadsAndAssigns(Path python) throws Exception {
        Process p = Peers.python(python, UNTRACK + String.join("\n",
                "import sys",
                "l = shared_memory.ShareableList(" + PY_ITEMS + ")",
                "untrack(l)",
                "print(l.shm.name, flush=True)",
                "sys.stdin.readline()",
                "print(l[1], repr(l[4]), l[6], l.format, flush=True)",
                "l.shm.close()",
                "l.shm.unlink()"));
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String name = own.add(r.readLine());
            RefShareableList a = RefShareableList.attach(name, false);
            try {
                assertEquals(Arrays.asList(-3L, 2.5, true, false, "h\u00e9llo", PyBytes.utf8("c"), null, PyBytes.empty(),
                        "0123456789"), items(a));
                a.set(1, "java");
                a.set(4, "\u00e9\u00e9");
                a.set(6, 7L);
                assertEquals(9, a.len());
            } finally {
                a.shm().close();
            }
            OutputStream in = p.getOutputStream();
            in.write('\n');
            in.flush();
            String line = r.readLine();
            assertEquals("java '\u00e9\u00e9' 7 q8sxxxxxxx?xxxxxxx?8s8sq8s16s", line);
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    private static List<Object> items(RefShareableList l) {
        Object[] out = new Object[(int) l.len()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i);
        }
        return Arrays.asList(out);
    }
}
