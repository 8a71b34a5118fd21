package dev.pyconc.spec.cases.asyncio;

import dev.pyconc.spec.cases.queue.QueueContract;
import dev.pyconc.spec.cases.queue.SharedQueue;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.QueueEmpty;
import dev.pyconc.spi.exceptions.QueueFull;
import dev.pyconc.spi.exceptions.QueueShutDown;
import java.util.function.Consumer;

/**
 * asyncio's side of {@link QueueContract}: binds {@code {queue}} to {@code asyncio.Queue}, whose methods the docs
 * describe for the LIFO and priority variants too, and runs each contract body as the main task of
 * {@code asyncio.run}, since asyncio queues are used from a running loop. The waiting forms are awaited through
 * {@link Aio#bounded}, so a queue that never finishes them fails the case instead of hanging it. The concrete
 * classes ({@link QueueCases}, {@link LifoQueueCases}, {@link PriorityQueueCases}) bind {@code {kind}}.
 */
@Binding(name = "queue", api = "asyncio.Queue")
abstract class AsyncioQueueContract extends QueueContract {

    /** The class under test with its default maxsize. */
    abstract Queue make(AsyncioModule m);

    /** The class under test with a maxsize. */
    abstract Queue make(AsyncioModule m, long maxsize);

    @Override
    protected void withQueues(Adapter adapter, Consumer<Maker> body) {
        AsyncioModule m = adapter.module(AsyncioModule.class);
        m.run(co -> {
            body.accept(new Maker() {
                @Override
                public SharedQueue make() {
                    return view(AsyncioQueueContract.this.make(m), co);
                }

                @Override
                public SharedQueue make(long maxsize) {
                    return view(AsyncioQueueContract.this.make(m, maxsize), co);
                }
            });
            return null;
        });
    }

    @Override
    protected Class<? extends BaseException> emptyError() {
        return QueueEmpty.class;
    }

    @Override
    protected Class<? extends BaseException> fullError() {
        return QueueFull.class;
    }

    @Override
    protected Class<? extends BaseException> shutDownError() {
        return QueueShutDown.class;
    }

    private static SharedQueue view(Queue q, Coroutine co) {
        return new SharedQueue() {
            @Override
            public long qsize() {
                return q.qsize();
            }

            @Override
            public boolean empty() {
                return q.empty();
            }

            @Override
            public boolean full() {
                return q.full();
            }

            @Override
            public void putNowait(Object item) {
                q.putNowait(item);
            }

            @Override
            public Object getNowait() {
                return q.getNowait();
            }

            @Override
            public void put(Object item) {
                Aio.bounded(co, q.put(item), "await put()");
            }

            @Override
            public Object get() {
                return Aio.bounded(co, q.get(), "await get()");
            }

            @Override
            public void taskDone() {
                q.taskDone();
            }

            @Override
            public void join() {
                Aio.bounded(co, q.join(), "await join()");
            }

            @Override
            public void shutdown(boolean immediate) {
                q.shutdown(immediate);
            }
        };
    }
}
