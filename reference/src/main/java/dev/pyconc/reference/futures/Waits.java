package dev.pyconc.reference.futures;

import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.futures.DoneAndNotDone;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.ReturnWhen;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code concurrent.futures.wait} and {@code as_completed}, ported from CPython's design: the futures are locked
 * together (each future's {@link RefFuture#lock()}, in a global order) while they are looked at and the waiter is
 * installed, so no future can finish between the look and the install unheard.
 */
final class Waits {
    private Waits() {}

    private static Set<RefFuture> unique(Collection<Future> fs) {
        Set<RefFuture> out = new LinkedHashSet<>();
        for (Future f : fs) {
            if (!(f instanceof RefFuture r)) {
                throw new dev.pyconc.spi.exceptions.TypeError("not a future of this module: " + f);
            }
            out.add(r);
        }
        return out;
    }

    /** Locks every future in a fixed global order (CPython's {@code _AcquireFutures}). */
    private static List<RefFuture> lockAll(Set<RefFuture> fs) {
        List<RefFuture> sorted = new ArrayList<>(fs);
        sorted.sort(Comparator.comparingLong(RefFuture::seq));
        for (RefFuture f : sorted) {
            f.lock();
        }
        return sorted;
    }

    private static void unlockAll(List<RefFuture> sorted) {
        for (int i = sorted.size() - 1; i >= 0; i--) {
            sorted.get(i).unlock();
        }
    }

    private static void remove(Set<RefFuture> fs, Waiter w) {
        for (RefFuture f : fs) {
            f.lock();
            try {
                f.removeWaiter(w);
            } finally {
                f.unlock();
            }
        }
    }

    static DoneAndNotDone await(ThreadingModule threading, Collection<Future> futures, Double timeout, ReturnWhen when) {
        Set<RefFuture> fs = unique(futures);
        Set<Future> done = new LinkedHashSet<>();
        Waiter w;
        List<RefFuture> locked = lockAll(fs);
        try {
            int pending = 0;
            for (RefFuture f : fs) {
                if (f.finishedOrNotified()) {
                    done.add(f);
                } else {
                    pending++;
                }
            }
            if (when == ReturnWhen.FIRST_COMPLETED && !done.isEmpty()) {
                return split(fs, done);
            }
            if (when == ReturnWhen.FIRST_EXCEPTION) {
                for (Future f : done) {
                    if (((RefFuture) f).raised()) {
                        return split(fs, done);
                    }
                }
            }
            if (done.size() == fs.size()) {
                return split(fs, done);
            }
            w = new Waiter(threading, Waiter.of(when), pending);
            for (RefFuture f : fs) {
                f.addWaiter(w);
            }
        } finally {
            unlockAll(locked);
        }
        w.await(timeout);
        remove(fs, w);
        done.addAll(w.finished());
        return split(fs, done);
    }

    private static DoneAndNotDone split(Set<RefFuture> fs, Set<Future> done) {
        Set<Future> notDone = new LinkedHashSet<>(fs);
        notDone.removeAll(done);
        return new DoneAndNotDone(done, notDone);
    }

    /**
     * A lazy iterator, like CPython's generator: nothing happens (not even the timeout's start) before the
     * first {@code next()}; once it raised or ended, it only raises StopIteration.
     */
    static PyIterator<Future> asCompleted(ThreadingModule threading, Collection<Future> futures, Double timeout) {
        Set<RefFuture> fs = unique(futures);
        return new PyIterator<>() {
            private boolean started;
            private boolean over;
            private double endTime;
            private final Deque<RefFuture> ready = new ArrayDeque<>();
            private final Set<RefFuture> pending = new LinkedHashSet<>();
            private Waiter waiter;

            @Override
            public synchronized Future next() {
                if (over) {
                    throw new StopIteration("");
                }
                try {
                    if (!started) {
                        start();
                    }
                    while (true) {
                        if (!ready.isEmpty()) {
                            RefFuture f = ready.removeFirst();
                            pending.remove(f);
                            return f;
                        }
                        if (pending.isEmpty()) {
                            finish();
                            throw new StopIteration("");
                        }
                        Double left = null;
                        if (timeout != null) {
                            double l = endTime - System.nanoTime() / 1e9;
                            if (l < 0) {
                                throw new TimeoutError(pending.size() + " (of " + fs.size() + ") futures unfinished");
                            }
                            left = l;
                        }
                        waiter.await(left);
                        for (RefFuture f : waiter.takeFinished()) {
                            if (pending.contains(f) && !ready.contains(f)) {
                                ready.add(f);
                            }
                        }
                    }
                } catch (RuntimeException | Error e) {
                    finish();
                    throw e;
                }
            }

            private void start() {
                started = true;
                if (timeout != null) {
                    endTime = timeout + System.nanoTime() / 1e9;
                }
                List<RefFuture> locked = lockAll(fs);
                try {
                    int n = 0;
                    for (RefFuture f : fs) {
                        if (f.finishedOrNotified()) {
                            ready.add(f);
                        } else {
                            n++;
                        }
                        pending.add(f);
                    }
                    waiter = new Waiter(threading, Waiter.Kind.AS_COMPLETED, n);
                    for (RefFuture f : fs) {
                        f.addWaiter(waiter);
                    }
                } finally {
                    unlockAll(locked);
                }
            }

            private void finish() {
                if (!over) {
                    over = true;
                    if (waiter != null) {
                        remove(fs, waiter);
                    }
                }
            }
        };
    }
}
