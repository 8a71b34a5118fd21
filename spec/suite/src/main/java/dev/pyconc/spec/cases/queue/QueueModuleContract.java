package dev.pyconc.spec.cases.queue;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.ShutDown;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.function.Consumer;

/**
 * The {@code queue} module's side of {@link QueueContract}: binds {@code {queue}} to {@code queue.Queue}, whose
 * methods the docs describe for all three classes, and calls them from the case's own thread; the waiting forms
 * are the blocking calls without timeout. The concrete classes ({@link QueueCases}, {@link LifoQueueCases},
 * {@link PriorityQueueCases}) bind {@code {kind}} and the order.
 */
@Binding(name = "queue", api = "queue.Queue")
abstract class QueueModuleContract extends QueueContract {

    /** The class under test with its default maxsize. */
    abstract Queue make(QueueModule m);

    /** The class under test with a maxsize. */
    abstract Queue make(QueueModule m, long maxsize);

    @Override
    protected void withQueues(Adapter adapter, Consumer<Maker> body) {
        QueueModule m = adapter.module(QueueModule.class);
        body.accept(new Maker() {
            @Override
            public SharedQueue make() {
                return view(QueueModuleContract.this.make(m));
            }

            @Override
            public SharedQueue make(long maxsize) {
                return view(QueueModuleContract.this.make(m, maxsize));
            }
        });
    }

    @Override
    protected Class<? extends BaseException> emptyError() {
        return Empty.class;
    }

    @Override
    protected Class<? extends BaseException> fullError() {
        return Full.class;
    }

    @Override
    protected Class<? extends BaseException> shutDownError() {
        return ShutDown.class;
    }

    private static SharedQueue view(Queue q) {
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
                q.put(item);
            }

            @Override
            public Object get() {
                return q.get();
            }

            @Override
            public void taskDone() {
                q.taskDone();
            }

            @Override
            public void join() {
                q.join();
            }

            @Override
            public void shutdown(boolean immediate) {
                q.shutdown(immediate);
            }
        };
    }
}
