package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The self-check for {@code subprocess}: see {@link SelfCheckTest} and {@link SubprocessFixtureProviders}. Each
 * broken adapter runs the whole module and must be caught on exactly the behaviours its bug breaks.
 */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckSubprocessTest {
    private static RunReport run(String adapter) {
        return new ConformanceRunner().run(RunOptions.of(adapter).withModules(List.of("subprocess")),
                new ConformanceRunner.Observer() {});
    }

    /**
     * A returncode of 128+N for death by signal N is caught wherever a child is ended by a signal: the
     * returncode attributes, send_signal, terminate and kill, the docs' kill-then-communicate recipe,
     * CalledProcessError's returncode, call's os.system-like status, and the pipeline whose first child
     * dies of SIGPIPE.
     */
    @Test
    void signalAsExitStatusIsCaught() {
        SelfCheckTest.assertCaught(run("broken-subprocess-signal-as-exit-status").cases(), Map.of(
                "subprocess.CompletedProcess.returncode/negative-signal", Status.FAIL,
                "subprocess.Popen.returncode/negative-signal", Status.FAIL,
                "subprocess.CalledProcessError.returncode/status-or-negative-signal", Status.FAIL,
                "subprocess.Popen.send_signal/delivers-signal", Status.FAIL,
                "subprocess.Popen.terminate/sends-sigterm", Status.FAIL,
                "subprocess.Popen.kill/sends-sigkill", Status.FAIL,
                "subprocess.Popen.communicate/kill-then-communicate", Status.FAIL,
                "subprocess.call/replaces-os-system", Status.FAIL,
                "subprocess.Popen/pipeline-between-children", Status.FAIL),
                Set.of());
    }

    /** stderr=STDOUT losing stderr is caught by the merging cases of run, check_output and Popen. */
    @Test
    void mergedStderrLostIsCaught() {
        SelfCheckTest.assertCaught(run("broken-subprocess-merged-stderr-lost").cases(), Map.of(
                "subprocess.STDOUT/stderr-joins-stdout", Status.FAIL,
                "subprocess.run/merge-with-pipe-and-stdout", Status.FAIL,
                "subprocess.CompletedProcess.stdout/holds-merged-stderr", Status.FAIL,
                "subprocess.check_output/stderr-stdout-captures-both", Status.FAIL),
                Set.of());
    }

    /** A Popen timeout that kills the child is caught by the wait and communicate retry cases. */
    @Test
    void timeoutThatKillsIsCaught() {
        SelfCheckTest.assertCaught(run("broken-subprocess-timeout-kills").cases(), Map.of(
                "subprocess.Popen.communicate/timeout-keeps-child-and-output", Status.FAIL,
                "subprocess.Popen.wait/timeout-raises-and-may-retry", Status.FAIL),
                Set.of());
    }

    /** The reference passes the same scope. */
    @Test
    void referencePassesTheSubprocessScope() {
        RunReport r = run("reference");
        assertTrue(r.succeeded(), () -> r.cases().toString());
    }
}
