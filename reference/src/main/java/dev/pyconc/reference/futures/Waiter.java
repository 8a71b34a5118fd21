package dev.pyconc.reference.futures;

import dev.pyconc.spi.futures.ReturnWhen;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code wait} and {@code as_completed} install on each future they watch (CPython's {@code _Waiter} and
 * its subclasses): the future tells it when it finishes or its cancellation is notified, and the waiter
 * decides when to wake its owner. Called with the future's lock held.
 */
final class Waiter {
    enum Kind { AS_COMPLETED, FIRST_COMPLETED, ALL_COMPLETED, FIRST_EXCEPTION }

    private final Kind kind;
    private int pending;
    /** CPython's {@code event}: a {@code threading.Event}, so a thread waiting on it shows as blocked. */
    private final Event event;
    private List<RefFuture> finished = new ArrayList<>();

    Waiter(ThreadingModule threading, Kind kind, int pending) {
        this.event = threading.event();
        this.kind = kind;
        this.pending = pending;
    }

    static Kind of(ReturnWhen w) {
        return switch (w) {
            case FIRST_COMPLETED -> Kind.FIRST_COMPLETED;
            case FIRST_EXCEPTION -> Kind.FIRST_EXCEPTION;
            case ALL_COMPLETED -> Kind.ALL_COMPLETED;
        };
    }

    synchronized void addResult(RefFuture f) {
        finished.add(f);
        if (kind == Kind.ALL_COMPLETED || kind == Kind.FIRST_EXCEPTION) {
            decrement();
        } else {
            fire();
        }
    }

    synchronized void addException(RefFuture f) {
        finished.add(f);
        if (kind == Kind.ALL_COMPLETED) {
            decrement();
        } else {
            fire();
        }
    }

    synchronized void addCancelled(RefFuture f) {
        finished.add(f);
        if (kind == Kind.ALL_COMPLETED || kind == Kind.FIRST_EXCEPTION) {
            decrement();
        } else {
            fire();
        }
    }

    private void decrement() {
        if (--pending <= 0) {
            fire();
        }
    }

    private void fire() {
        event.set();
    }

    /** Waits until fired or the timeout (seconds, null for none) passes. Not synchronized: the event waits. */
    void await(Double timeout) {
        event.await(timeout);
    }

    /** The futures reported since the last call, and clears the event (as_completed). */
    synchronized List<RefFuture> takeFinished() {
        List<RefFuture> out = finished;
        finished = new ArrayList<>();
        event.clear();
        return out;
    }

    synchronized List<RefFuture> finished() {
        return new ArrayList<>(finished);
    }
}
