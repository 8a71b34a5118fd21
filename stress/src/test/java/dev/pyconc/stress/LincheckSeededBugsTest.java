package dev.pyconc.stress;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.stress.lincheck.BoundedSemaphoreLincheck;
import dev.pyconc.stress.lincheck.EventLincheck;
import dev.pyconc.stress.lincheck.LincheckPlan;
import dev.pyconc.stress.lincheck.LockLincheck;
import dev.pyconc.stress.lincheck.QueueOps;
import dev.pyconc.stress.lincheck.RLockLincheck;
import dev.pyconc.stress.lincheck.SemaphoreLincheck;
import dev.pyconc.stress.lincheck.SimpleQueueLincheck;
import dev.pyconc.stress.lincheck.seeded.SeededLincheck;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every seeded bug is caught: the same Lincheck operations, model and options as {@code LincheckTests}, on a
 * deliberately broken primitive, must make Lincheck fail with a linearizability violation (not with some
 * other error, such as an unexpected exception in an operation).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LincheckSeededBugsTest {
    private static void assertCaught(Class<?> broken, ModelCheckingOptions options) {
        LincheckAssertionError e = assertThrows(LincheckAssertionError.class, () -> LincheckPlan.check(broken, options),
                broken.getSimpleName() + ": Lincheck did not catch the seeded bug");
        assertTrue(e.getMessage().contains("Invalid execution results"),
                broken.getSimpleName() + ": Lincheck failed for another reason:\n" + e.getMessage());
    }

    @Test
    void racyLock() {
        assertCaught(SeededLincheck.Lock_RacyLock.class, LincheckPlan.options(LockLincheck.Model.class));
    }

    @Test
    void rlockReleasedByNonOwner() {
        assertCaught(SeededLincheck.RLock_NonOwnerRelease.class, LincheckPlan.parallelOnly(RLockLincheck.Model.class));
    }

    @Test
    void racySemaphore() {
        assertCaught(SeededLincheck.Semaphore_Racy.class, LincheckPlan.options(SemaphoreLincheck.Model.class));
    }

    @Test
    void racyBoundedSemaphore() {
        assertCaught(SeededLincheck.BoundedSemaphore_RacyBound.class,
                LincheckPlan.options(BoundedSemaphoreLincheck.Model.class));
    }

    @Test
    void toggleEvent() {
        assertCaught(SeededLincheck.Event_Toggle.class, LincheckPlan.options(EventLincheck.Model.class));
    }

    @Test
    void queueSizeCheckThenPut() {
        assertCaught(SeededLincheck.Queue_SizeCheckThenPut.class, LincheckPlan.options(QueueOps.FifoModel.class));
    }

    @Test
    void lifoQueuePeekThenRemove() {
        assertCaught(SeededLincheck.LifoQueue_PeekThenRemove.class, LincheckPlan.options(QueueOps.LifoModel.class));
    }

    @Test
    void priorityQueuePeekThenRemove() {
        assertCaught(SeededLincheck.PriorityQueue_PeekThenRemove.class,
                LincheckPlan.options(QueueOps.PriorityModel.class));
    }

    @Test
    void simpleQueueLostCount() {
        assertCaught(SeededLincheck.SimpleQueue_LostCount.class, LincheckPlan.options(SimpleQueueLincheck.Model.class));
    }
}
