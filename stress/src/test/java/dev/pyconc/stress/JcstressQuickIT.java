package dev.pyconc.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.stress.jcstress.JcstressProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the jcstress uber-jar ({@code stress/target/pyconc-jcstress.jar}, built in {@code package}) in the
 * quick profile ({@link JcstressProfiles}): every test against the reference must pass (exit 0), and every
 * seeded-bug adapter must make its targeted test fail (exit 1, the FORBIDDEN outcome named in the output).
 * Output and reports of each run go to {@code stress/target/jcstress/<run>/}.
 */
class JcstressQuickIT {
    private static final Path JAR = Paths.get(System.getProperty("pyconc.jcstress.jar", "target/pyconc-jcstress.jar"));
    private static final Path OUT = Paths.get(System.getProperty("pyconc.jcstress.out", "target/jcstress"));
    private static final String PKG = "dev.pyconc.stress.jcstress.";

    /** Seeded adapter, the test that must catch it, and a phrase of that test's FORBIDDEN outcome desc. */
    static Stream<String[]> seeded() {
        return Stream.of(
                new String[] {"seeded-lock-check-then-act", "LockStress.MutualExclusion", "both threads held the Lock at the same time"},
                new String[] {"seeded-lock-owner-only-release", "LockStress.ReleasedByOtherThread", "acquire() stayed blocked"},
                new String[] {"seeded-rlock-release-drops-all", "LockStress.RecursionUnderContention", "inner release had already given the RLock up"},
                new String[] {"seeded-semaphore-check-then-act", "SemaphoreStress.MutualExclusion", "held the single permit at once"},
                new String[] {"seeded-semaphore-release-n-once", "SemaphoreStress.ReleaseN", "release(2) made fewer than two permits"},
                new String[] {"seeded-boundedsemaphore-unbounded", "SemaphoreStress.BoundedOverRelease", "both releases succeeded"},
                new String[] {"seeded-condition-wait-keeps-lock", "ConditionStress.NoLostWakeup", "lost wakeup"},
                new String[] {"seeded-event-recheck-after-wake", "EventBarrierStress.EventSetClearNoStuckWaiter", "the waiter stayed blocked"},
                new String[] {"seeded-barrier-silent-abort", "EventBarrierStress.BarrierAbortBreaksWaiters", "abort() did not wake"},
                new String[] {"seeded-queue-unlocked", "QueueStress.QueuePutGet", "an item was lost"},
                new String[] {"seeded-lifoqueue-unlocked", "QueueStress.LifoQueuePutGet", "an item was lost"},
                new String[] {"seeded-priorityqueue-unlocked", "QueueStress.PriorityQueuePutGet", "an item was lost"},
                new String[] {"seeded-simplequeue-unlocked", "QueueStress.SimpleQueuePutGet", "an item was lost"});
    }

    @Test
    void allTestsPassAgainstTheReference() throws Exception {
        Run run = JcstressRunner.run(JAR, OUT.resolve("reference"), JcstressProfiles.args("quick", "reference", null));
        assertEquals(0, run.exit(), () -> "jcstress against the reference failed; see " + run.log() + "\n" + run.tail());
        assertTrue(Files.exists(OUT.resolve("reference").resolve("index.html")), "HTML report written");
        // every test in the jar ran (jcstress silently skips tests it cannot schedule, e.g. more actors than CPUs)
        Run list = JcstressRunner.run(JAR, OUT.resolve("list"), List.of("-l"));
        List<String> listed = list.output().lines().map(String::trim).filter(l -> l.startsWith(PKG)).sorted().toList();
        List<String> reported;
        try (Stream<Path> files = Files.list(OUT.resolve("reference"))) {
            reported = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(PKG) && n.endsWith(".html"))
                    .map(n -> n.substring(0, n.length() - ".html".length())).sorted().toList();
        }
        assertTrue(listed.size() >= 19, () -> "expected at least 19 jcstress tests, listed: " + listed);
        assertEquals(listed, reported, "every listed jcstress test has a result in the report");
    }

    /**
     * The seeded checks whose targeted test is a Termination test: jcstress needs about 20 s per JVM
     * configuration to declare a stuck actor STALE, during which the forked JVMs sit parked. These run in
     * parallel with each other (after the CPU-bound checks), which saves about two minutes.
     */
    private static final java.util.Set<String> STALE_KIND = java.util.Set.of("LockStress.ReleasedByOtherThread",
            "ConditionStress.NoLostWakeup", "EventBarrierStress.EventSetClearNoStuckWaiter", "EventBarrierStress.BarrierAbortBreaksWaiters");

    @TestFactory
    Stream<DynamicTest> seededBugsAreCaught() {
        java.util.Map<String, java.util.concurrent.CompletableFuture<Void>> parallel = new java.util.concurrent.ConcurrentHashMap<>();
        Runnable launchParallel = () -> {
            synchronized (parallel) {
                if (parallel.isEmpty()) {
                    seeded().filter(s -> STALE_KIND.contains(s[1])).forEach(s -> parallel.put(s[0],
                            java.util.concurrent.CompletableFuture.runAsync(() -> {
                                try {
                                    seededBugIsCaught(s[0], s[1], s[2]);
                                } catch (Exception e) {
                                    throw new java.util.concurrent.CompletionException(e);
                                }
                            }, r -> new Thread(r, "jcstress-" + s[0]).start())));
                }
            }
        };
        Stream<DynamicTest> sequential = seeded().filter(s -> !STALE_KIND.contains(s[1]))
                .map(s -> DynamicTest.dynamicTest(s[0] + " caught by " + s[1], () -> seededBugIsCaught(s[0], s[1], s[2])));
        Stream<DynamicTest> inParallel = seeded().filter(s -> STALE_KIND.contains(s[1]))
                .map(s -> DynamicTest.dynamicTest(s[0] + " caught by " + s[1], () -> {
                    launchParallel.run();
                    try {
                        parallel.get(s[0]).get(15, TimeUnit.MINUTES);
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable c = e.getCause() instanceof java.util.concurrent.CompletionException ce ? ce.getCause() : e.getCause();
                        if (c instanceof Error err) {
                            throw err;
                        }
                        throw new AssertionError(c);
                    }
                }));
        return Stream.concat(sequential, inParallel);
    }

    /**
     * How many jcstress runs a seeded bug gets to show itself. A race is caught only when the scheduler lets
     * it happen: a seeded Event whose waiter must lose the monitor to {@code clear()} was seen to win it in
     * every sample of one quick run on a loaded machine (the check-passing outcome, exit 0). Each run is
     * independent; the bug counts as caught when one of them observes the FORBIDDEN outcome. The reference's
     * own run is never retried.
     */
    static final int SEEDED_ATTEMPTS = 3;

    private void seededBugIsCaught(String adapter, String test, String forbiddenDesc) throws Exception {
        Run run = null;
        for (int attempt = 1; attempt <= SEEDED_ATTEMPTS; attempt++) {
            Path dir = OUT.resolve(attempt == 1 ? adapter : adapter + "-attempt" + attempt);
            run = JcstressRunner.run(JAR, dir, JcstressProfiles.args("quick", adapter, "^" + PKG.replace(".", "\\.") + test.replace(".", "\\.") + "$"));
            if (run.exit() == 1) {
                break;
            }
            System.out.println("jcstress " + adapter + ": attempt " + attempt + " of " + SEEDED_ATTEMPTS
                    + " did not observe the bug (exit " + run.exit() + ")");
        }
        Run last = run;
        assertEquals(1, last.exit(), () -> adapter + ": jcstress did not fail on " + test + " in " + SEEDED_ATTEMPTS
                + " runs; see " + last.log() + "\n" + last.tail());
        String out = last.output();
        assertTrue(out.contains(test) && out.contains("Observed forbidden state") && out.contains(forbiddenDesc),
                () -> adapter + ": output does not name the FORBIDDEN outcome '" + forbiddenDesc + "' of " + test + "; see " + last.log());
    }

    /** One finished jcstress run. */
    record Run(int exit, Path log, String output, Duration took) {
        String tail() {
            return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
        }
    }

    /** Spawns {@code java -jar pyconc-jcstress.jar} with the running JVM's java. */
    static final class JcstressRunner {
        private JcstressRunner() {}

        static Run run(Path jar, Path dir, List<String> args) throws IOException, InterruptedException {
            assertTrue(Files.isRegularFile(jar), "jcstress jar missing: " + jar.toAbsolutePath() + " (run 'package' first)");
            Files.createDirectories(dir);
            Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-jar", jar.toAbsolutePath().toString()));
            cmd.addAll(args);
            cmd.add("-r");
            cmd.add(dir.toAbsolutePath().toString());
            Path log = dir.resolve("output.txt");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            System.out.printf("jcstress %s: exit %d in %.1f s (%s)%n", dir.getFileName(), p.exitValue(), took.toMillis() / 1000.0, String.join(" ", args));
            return new Run(p.exitValue(), log, out, took);
        }
    }
}
