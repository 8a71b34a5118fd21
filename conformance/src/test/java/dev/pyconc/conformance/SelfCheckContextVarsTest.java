package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The self-check for {@code contextvars}: the reference passes every contextvars case (including the
 * {@code Thread(context=...)} ones), and the broken adapter {@link ContextCopyAdapterProvider} is caught by
 * exactly the behaviour it breaks.
 */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckContextVarsTest {
    static final List<String> CONTEXTVARS_SCOPE = List.of("contextvars.*", "threading.Thread/context-*");

    @Test
    void referencePassesEveryContextVarsCase() throws Exception {
        List<CaseResult> results = SelfCheckTest.runScope("reference", CONTEXTVARS_SCOPE);
        List<String> notPassing = results.stream().filter(c -> c.status() != Status.PASS)
                .map(c -> c.status() + " " + c.name() + " -- " + c.reason()).collect(Collectors.toList());
        assertEquals(List.of(), notPassing);
        assertTrue(results.size() >= 40, "the scope holds the contextvars cases: " + results.size());
    }

    /** See {@link ContextCopyAdapterProvider}: only the case that changes a context after copying it notices. */
    @Test
    void contextCopyReturningItselfIsCaught() throws Exception {
        SelfCheckTest.assertCaught(SelfCheckTest.runScope("broken-context-copy", CONTEXTVARS_SCOPE),
                Map.of("contextvars.Context.copy/independent-copy", Status.FAIL), Set.of());
    }
}
