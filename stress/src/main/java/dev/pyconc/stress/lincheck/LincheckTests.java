package dev.pyconc.stress.lincheck;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Lincheck tests: each primitive's non-blocking operations, model-checked against its sequential model on
 * the adapter named by {@code pyconc.adapter} (see {@link dev.pyconc.stress.StressAdapter}), sized by
 * {@link LincheckPlan}. Run by the build (quick profile) and by {@code ./pyconc stress}. Each test has a
 * JUnit timeout of 600 s: the quick profile needs seconds, default up to about 2 minutes (PriorityQueue) on
 * 2 busy cores; tough (3 times default's work) should stay under it, but was not measured.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
public class LincheckTests {
    @Test
    void lock() {
        LincheckPlan.check(LockLincheck.class, LincheckPlan.options(LockLincheck.Model.class));
    }

    @Test
    void rlock() {
        LincheckPlan.check(RLockLincheck.class, LincheckPlan.parallelOnly(RLockLincheck.Model.class));
    }

    @Test
    void semaphore() {
        LincheckPlan.check(SemaphoreLincheck.class, LincheckPlan.options(SemaphoreLincheck.Model.class));
    }

    @Test
    void boundedSemaphore() {
        LincheckPlan.check(BoundedSemaphoreLincheck.class, LincheckPlan.options(BoundedSemaphoreLincheck.Model.class));
    }

    @Test
    void event() {
        LincheckPlan.check(EventLincheck.class, LincheckPlan.options(EventLincheck.Model.class));
    }

    @Test
    void queue() {
        LincheckPlan.check(QueueLincheck.class, LincheckPlan.options(QueueOps.FifoModel.class));
    }

    @Test
    void lifoQueue() {
        LincheckPlan.check(LifoQueueLincheck.class, LincheckPlan.options(QueueOps.LifoModel.class));
    }

    @Test
    void priorityQueue() {
        LincheckPlan.check(PriorityQueueLincheck.class, LincheckPlan.options(QueueOps.PriorityModel.class));
    }

    @Test
    void simpleQueue() {
        LincheckPlan.check(SimpleQueueLincheck.class, LincheckPlan.options(SimpleQueueLincheck.Model.class));
    }
}
