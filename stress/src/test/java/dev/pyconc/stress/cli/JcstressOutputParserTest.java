package dev.pyconc.stress.cli;

import dev.pyconc.reports.stress.StressTestResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stress CLI reads verdicts and outcome counts from jcstress 0.16 output (excerpt of a real run). */
class JcstressOutputParserTest {
    private static final String OUTPUT = """
            ----- [OK] Testing compiler directives
            ----- [OK] [-Dpyconc.adapter=reference, -XX:+UseBiasedLocking]
            ...... [FAILED] t.Racy
              JVM args: [-XX:+UseBiasedLocking]
              Fork: #2
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
                1, 1    5,739    3.68%   Forbidden  lost
                1, 2  120,145   77.00%  Acceptable  fine
            ...... [OK] t.Fine
            RUN RESULTS:
              Interesting tests: No matches.

              Failed tests: 1 matching test results.

            ...... [FAILED] t.Racy

              Results across all configurations:

              RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
                1, 1    262,050    1.95%   Forbidden  lost
                1, 2  9,519,277   70.85%  Acceptable  fine
                2, 1  3,654,647   27.20%  Acceptable  fine


              Error tests: No matches.

              All remaining tests: 1 matching test results.

            ...... [OK] t.Fine

              Results across all configurations:

              RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
                0      1,000  100.00%  Acceptable  only one

            """;

    private static List<StressTestResult> parse(String output) {
        JcstressRun.Parser p = new JcstressRun.Parser();
        output.lines().forEach(p::accept);
        return p.results();
    }

    @Test
    void primitiveFromTestClass() {
        assertEquals("threading.Lock", JcstressRun.primitiveOf("dev.pyconc.stress.jcstress.LockStress.Mutex"));
        assertEquals("queue.Queue", JcstressRun.primitiveOf("dev.pyconc.stress.jcstress.QueueStress$PutGet"));
        assertEquals("queue.LifoQueue", JcstressRun.primitiveOf("dev.pyconc.stress.jcstress.QueueStress.LifoQueuePutGet"));
        assertEquals("threading.BoundedSemaphore",
                JcstressRun.primitiveOf("dev.pyconc.stress.jcstress.SemaphoreStress.BoundedOverRelease"));
        assertEquals("threading.Barrier",
                JcstressRun.primitiveOf("dev.pyconc.stress.jcstress.EventBarrierStress.BarrierVisibility"));
        assertEquals("threading.RLock", JcstressRun.primitiveOf("dev.pyconc.stress.jcstress.LockStress.RLockMutualExclusion"));
        assertEquals("Misc", JcstressRun.primitiveOf("dev.pyconc.stress.jcstress.MiscStress.Other"));
    }

    @Test
    void verdictsAndAcrossAllConfigurationsTables() {
        List<StressTestResult> r = parse(OUTPUT);
        assertEquals(2, r.size(), r.toString());
        StressTestResult racy = r.get(0);
        assertEquals("t.Racy", racy.test());
        assertEquals("FAILED", racy.status());
        assertTrue(racy.forbiddenSeen());
        assertEquals(3, racy.outcomes().size(), racy.outcomes().toString());
        assertEquals(new StressTestResult.Outcome("1, 1", 262_050, "FORBIDDEN", "lost"), racy.outcomes().get(0));
        StressTestResult fine = r.get(1);
        assertEquals("OK", fine.status());
        assertFalse(fine.forbiddenSeen());
        assertEquals(List.of(new StressTestResult.Outcome("0", 1000, "ACCEPTABLE", "only one")), fine.outcomes());
    }
}
