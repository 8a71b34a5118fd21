package dev.pyconc.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The self-check for {@code concurrent.futures}: the seeded broken Future is caught, and only where expected. */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckFuturesTest {
    static final List<String> FUTURE_SCOPE = List.of("concurrent.futures.Future*", "concurrent.futures.wait/*",
            "concurrent.futures.as_completed/*");

    /** See {@link LateCallbackFutureAdapterProvider}: the callbacks added to a done future never run. */
    @Test
    void lateCallbackIsCaught() throws Exception {
        SelfCheckTest.assertCaught(SelfCheckTest.runScope("broken-future-late-callback", FUTURE_SCOPE), Map.of(
                "concurrent.futures.Future.add_done_callback/already-done-called-at-once", Status.FAIL,
                "concurrent.futures.Future.add_done_callback/raising-callback-ignored", Status.FAIL), Set.of());
    }
}
