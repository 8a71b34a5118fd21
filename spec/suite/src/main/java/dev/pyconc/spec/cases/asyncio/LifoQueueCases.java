package dev.pyconc.spec.cases.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.queue.QueueOrder;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Queue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases for {@code asyncio.LifoQueue}: the queue contract bound to it and its last-in-first-out order. */
@PyCase
@Binding(name = "kind", api = "asyncio.LifoQueue")
class LifoQueueCases extends AsyncioQueueContract {

    @Override
    Queue make(AsyncioModule m) {
        return m.lifoQueue();
    }

    @Override
    Queue make(AsyncioModule m, long maxsize) {
        return m.lifoQueue(maxsize);
    }

    @Override
    protected QueueOrder order() {
        return QueueOrder.LIFO;
    }

    /** Interleaved awaited puts and gets on a LifoQueue: each get returns the newest item still held. */
    @Test
    @Checks("asyncio.LifoQueue/last-in-first-out")
    void lastInFirstOut(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.lifoQueue(3);
            List<Object> out = new ArrayList<>();
            Aio.bounded(co, q.put("a"), "put");
            Aio.bounded(co, q.put("b"), "put");
            out.add(Aio.bounded(co, q.get(), "get"));
            Aio.bounded(co, q.put("c"), "put");
            Aio.bounded(co, q.put("d"), "put");
            out.add(Aio.bounded(co, q.get(), "get"));
            out.add(Aio.bounded(co, q.get(), "get"));
            Aio.bounded(co, q.put("e"), "put");
            out.add(Aio.bounded(co, q.get(), "get"));
            out.add(Aio.bounded(co, q.get(), "get"));
            assertEquals(List.of("b", "d", "c", "e", "a"), out);
            assertTrue(q.empty());
            return null;
        });
    }

    /**
     * Property: any seeded random mix of put_nowait and get_nowait on LifoQueues of random maxsize behaves like
     * a model list taken newest first, including QueueFull, QueueEmpty and the size queries.
     */
    @Test
    @Checks({"asyncio.LifoQueue/last-in-first-out",
            "asyncio.Queue.put_nowait/same-as-nonblocking-put", "asyncio.Queue.get_nowait/same-as-nonblocking-get",
            "asyncio.Queue.qsize/counts-items", "asyncio.Queue.empty/no-items", "asyncio.Queue.full/maxsize-reached"})
    void randomOperationsMatchModel(Adapter adapter, Harness h) {
        assertMatchesModel(adapter, h);
    }
}
