package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;
import static dev.pyconc.conformance.cpython.Proxies.bool;
import static dev.pyconc.conformance.cpython.Proxies.integer;

import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code queue} module of the agent's interpreter and the proxies of its objects, by the agent's kind names
 * ({@link #KINDS}). Whether a call waits in Python is declared once, on the SPI method
 * ({@link dev.pyconc.spi.Blocking}).
 */
final class QueueBridge {
    private QueueBridge() {}

    /** This module's kinds (the agent's names for its classes) and their proxies. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("Queue", QueueProxy::new, "queue.Queue"),
            Proxies.Kind.of("SimpleQueue", SimpleQueueProxy::new, "queue.SimpleQueue", "queue._PySimpleQueue"));

    /** The module. */
    static QueueModule module(Supplier<Session> session) {
        return new Module(session);
    }

    static final class Module extends Proxies.ModuleProxy implements QueueModule {
        Module(Supplier<Session> session) {
            super(session, PyModule.QUEUE);
        }

        @Override
        public Queue queue() {
            return as(Queue.class, invoke("Queue"));
        }

        @Override
        public Queue queue(long maxsize) {
            return as(Queue.class, invoke("Queue", maxsize));
        }

        @Override
        public Queue lifoQueue() {
            return as(Queue.class, invoke("LifoQueue"));
        }

        @Override
        public Queue lifoQueue(long maxsize) {
            return as(Queue.class, invoke("LifoQueue", maxsize));
        }

        @Override
        public Queue priorityQueue() {
            return as(Queue.class, invoke("PriorityQueue"));
        }

        @Override
        public Queue priorityQueue(long maxsize) {
            return as(Queue.class, invoke("PriorityQueue", maxsize));
        }

        @Override
        public SimpleQueue simpleQueue() {
            return as(SimpleQueue.class, invoke("SimpleQueue"));
        }
    }

    /** What Queue and SimpleQueue share: the same Python methods with the same Java signatures. */
    abstract static class QueueLikeProxy extends Proxies.PyObjectProxy {
        QueueLikeProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        public long qsize() {
            return integer(invoke("qsize"));
        }

        public boolean empty() {
            return bool(invoke("empty"));
        }

        public void put(Object item) {
            invoke("put", item);
        }

        public void put(Object item, boolean block) {
            invoke("put", item, block);
        }

        public void put(Object item, boolean block, Double timeout) {
            invoke("put", item, block, timeout);
        }

        public void putNowait(Object item) {
            invoke("put_nowait", item);
        }

        public Object get() {
            return invoke("get");
        }

        public Object get(boolean block) {
            return invoke("get", block);
        }

        public Object get(boolean block, Double timeout) {
            return invoke("get", block, timeout);
        }

        public Object getNowait() {
            return invoke("get_nowait");
        }
    }

    static final class QueueProxy extends QueueLikeProxy implements Queue {
        QueueProxy(Session s, long hid) {
            super(s, hid, "Queue");
        }

        @Override
        public boolean full() {
            return bool(invoke("full"));
        }

        @Override
        public void taskDone() {
            invoke("task_done");
        }

        @Override
        public void join() {
            invoke("join");
        }

        @Override
        public void shutdown() {
            invoke("shutdown");
        }

        @Override
        public void shutdown(boolean immediate) {
            invoke("shutdown", immediate);
        }
    }

    static final class SimpleQueueProxy extends QueueLikeProxy implements SimpleQueue {
        SimpleQueueProxy(Session s, long hid) {
            super(s, hid, "SimpleQueue");
        }
    }
}
