package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;
import static dev.pyconc.conformance.cpython.Proxies.integer;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.shared_memory.MemoryView;
import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code multiprocessing.shared_memory} module of the agent's interpreter and the proxies of its objects
 * ({@code SharedMemory}, {@code ShareableList} and any {@code memoryview}).
 *
 * <p>Blocks go through the agent's {@code $shm_new}/{@code $shm_list} helpers: a block the agent created is closed
 * and unlinked at the end of the case unless the case unlinked it, so no block outlives its case. A slice of a
 * memoryview is a new memoryview of the same memory; the agent forgets its handles at the end of a case, which
 * releases the slices a case left, so the block can then be closed.
 */
final class SharedMemoryBridge {
    private SharedMemoryBridge() {}

    /** This module's kinds (the agent's names for its classes) and their proxies. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("shm.SharedMemory", SharedMemoryProxy::new, "multiprocessing.shared_memory.SharedMemory"),
            Proxies.Kind.of("shm.ShareableList", ShareableListProxy::new, "multiprocessing.shared_memory.ShareableList"),
            Proxies.Kind.of("shm.MemoryView", MemoryViewProxy::new, "memoryview"));

    /** The module. */
    static SharedMemoryModule module(Supplier<Session> session) {
        return new Module(session);
    }

    static final class Module extends Proxies.ModuleProxy implements SharedMemoryModule {
        Module(Supplier<Session> session) {
            super(session, PyModule.SHARED_MEMORY);
        }

        @Override
        public SharedMemory sharedMemory(String name, boolean create, long size) {
            return as(SharedMemory.class, invoke("$shm_new", name, create, size));
        }

        /** {@code track} is 3.13+: an older Python raises TypeError for it. */
        @Override
        public SharedMemory sharedMemory(String name, boolean create, long size, boolean track) {
            return as(SharedMemory.class, invoke("$shm_new", name, create, size, track));
        }

        @Override
        public ShareableList shareableList(List<Object> sequence, String name) {
            return as(ShareableList.class, invoke("$shm_list", sequence, name));
        }
    }

    /** {@code multiprocessing.shared_memory.SharedMemory}. */
    static final class SharedMemoryProxy extends Proxies.PyObjectProxy implements SharedMemory {
        SharedMemoryProxy(Session s, long hid) {
            super(s, hid, "shm.SharedMemory");
        }

        @Override
        public String name() {
            return (String) attr("name");
        }

        @Override
        public long size() {
            return integer(attr("size"));
        }

        @Override
        public MemoryView buf() {
            Object v = attr("buf");
            return v == null ? null : as(MemoryView.class, v);
        }

        @Override
        public void close() {
            invoke("close");
        }

        @Override
        public void unlink() {
            invoke("unlink");
        }
    }

    /** A {@code memoryview}. */
    static final class MemoryViewProxy extends Proxies.PyObjectProxy implements MemoryView {
        MemoryViewProxy(Session s, long hid) {
            super(s, hid, "shm.MemoryView");
        }

        @Override
        public long len() {
            return integer(invoke("__len__"));
        }

        @Override
        public PyBytes read(long offset, long length) {
            return as(PyBytes.class, invoke("$mv_read", offset, length));
        }

        @Override
        public void write(long offset, PyBytes data) {
            invoke("$mv_write", offset, data);
        }

        @Override
        public MemoryView slice(long start, long stop) {
            return as(MemoryView.class, invoke("$getslice", start, stop));
        }

        @Override
        public void release() {
            invoke("release");
        }
    }

    /** {@code multiprocessing.shared_memory.ShareableList}. */
    static final class ShareableListProxy extends Proxies.PyObjectProxy implements ShareableList {
        ShareableListProxy(Session s, long hid) {
            super(s, hid, "shm.ShareableList");
        }

        @Override
        public Object get(long index) {
            return invoke("__getitem__", index);
        }

        @Override
        public void set(long index, Object value) {
            invoke("__setitem__", index, value);
        }

        @Override
        public Object slice(Long start, Long stop) {
            return invoke("$getslice", start, stop);
        }

        @Override
        public long len() {
            return integer(invoke("__len__"));
        }

        @Override
        public long count(Object value) {
            return integer(invoke("count", value));
        }

        @Override
        public long index(Object value) {
            return integer(invoke("index", value));
        }

        @Override
        public String format() {
            return (String) attr("format");
        }

        @Override
        public SharedMemory shm() {
            return as(SharedMemory.class, attr("shm"));
        }
    }
}
