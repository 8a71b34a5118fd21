package dev.pyconc.conformance;

import dev.pyconc.spi.support.DelegatingQueueModule;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;

/**
 * Broken adapter {@code broken-lifo-queue}: the reference, except that {@code queue.Queue(...)} returns a
 * {@code LifoQueue}.
 *
 * <p><b>Why it matters.</b> {@code queue.Queue}, {@code LifoQueue} and {@code PriorityQueue} share one
 * interface (put, get, qsize, task_done, join, shutdown...) and differ only in which item {@code get} hands
 * out: the oldest (FIFO), the newest (LIFO), or the smallest. A mix-up type-checks, passes every test that
 * puts and gets one item, blocks and unblocks exactly as it should, and still breaks every producer/consumer
 * program that relies on order. Only a case that puts several items and checks the order they come back in
 * can catch it; the self-check expects the FIFO-order cases to be reported non-PASS.
 */
public class LifoQueueAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-lifo-queue";
    }

    @Override
    public String description() {
        return "self-check: the reference with queue.Queue returning a LifoQueue";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "queue.Queue is a LifoQueue", config) {
            @Override
            public Object module(PyModule m) {
                return m == PyModule.QUEUE ? broken() : super.module(m);
            }

            /** The broken QueueModule. */
            private QueueModule broken() {
                return new DelegatingQueueModule(reference.module(QueueModule.class)) {
                    @Override
                    public Queue queue() {
                        return delegate.lifoQueue();
                    }

                    @Override
                    public Queue queue(long maxsize) {
                        return delegate.lifoQueue(maxsize);
                    }
                };
            }
        };
    }
}
