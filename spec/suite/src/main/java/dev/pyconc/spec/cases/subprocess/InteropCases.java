package dev.pyconc.spec.cases.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.Peer;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interop: the same child programs, with the same argv and the same input, run through the implementation
 * under test and through a second one (the {@link Peer}: CPython when the reference is under test, and the
 * reference when CPython is), must give the same bytes on stdout and stderr and the same returncodes, and
 * both must be what the docs promise. Without a configured peer the case is NOT_APPLICABLE.
 */
@PyCase
class InteropCases {
    /** What one run of a program gave. */
    record Outcome(long returncode, PyBytes stdout, PyBytes stderr) {
        static Outcome of(CompletedProcess c) {
            return new Outcome(c.returncode(), (PyBytes) c.stdout(), (PyBytes) c.stderr());
        }
    }

    /** A program, its input, and what the docs say it gives. */
    record Program(String what, List<String> argv, PyBytes input, Outcome expected) {}

    private static PyBytes allByteValues() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return PyBytes.of(b);
    }

    /** printf's octal escapes for every byte of {@code data}, so that the child writes exactly those bytes. */
    private static String printfEscapes(PyBytes data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            sb.append(String.format("\\%03o", data.get(i)));
        }
        return sb.toString();
    }

    private static List<Program> programs(Harness h) {
        byte[] random = new byte[256 * 1024];
        h.random().nextBytes(random);
        PyBytes input = PyBytes.of(random);
        PyBytes all = allByteValues();
        PyBytes none = PyBytes.empty();
        List<Program> out = new ArrayList<>();
        out.add(new Program("stdin echoed through cat, stderr and an exit status of its own",
                List.of("sh", "-c", "cat; printf '\\000\\377' >&2; exit 7"), input,
                new Outcome(7, input, PyBytes.of((byte) 0, (byte) 0xff))));
        out.add(new Program("every byte value written by printf", List.of("printf", printfEscapes(all)), null,
                new Outcome(0, all, none)));
        out.add(new Program("line endings left alone in binary mode", List.of("printf", "a\\r\\nb\\rc\\n"), null,
                new Outcome(0, PyBytes.utf8("a\r\nb\rc\n"), none)));
        out.add(new Program("death by SIGTERM", List.of("sh", "-c", "printf before; kill -TERM $$"), null,
                new Outcome(-15, PyBytes.utf8("before"), none)));
        out.add(new Program("death by SIGKILL", List.of("sh", "-c", "kill -KILL $$"), null, new Outcome(-9, none, none)));
        out.add(new Program("exit 143 is not a signal", List.of("sh", "-c", "exit 143"), null, new Outcome(143, none, none)));
        return out;
    }

    private static Outcome run(SubprocessModule sm, Program p) {
        PopenOptions o = PopenOptions.defaults().captureOutput(true);
        return Outcome.of(sm.run(p.argv(), p.input() == null ? o : o.input(p.input())));
    }

    /** Each program gives the same bytes and returncode on both implementations, and the documented ones. */
    @Test
    @Checks({"subprocess.Popen/binary-mode-no-translation", "subprocess.run/input-goes-to-stdin",
        "subprocess.run/capture-output-pipes-both-streams", "subprocess.CompletedProcess.returncode/negative-signal"})
    void sameProgramsGiveTheSameBytesAndReturncodes(SubprocessModule sm, Peer peer, Harness h) {
        SubprocessModule other = peer.module(SubprocessModule.class);
        for (Program p : programs(h)) {
            Outcome mine = run(sm, p);
            Outcome theirs = run(other, p);
            assertEquals(theirs, mine, p.what() + ": this implementation and the peer " + peer + " disagree");
            assertEquals(p.expected(), mine, p.what() + ": both implementations agree on something else than documented");
        }
    }
}
