package dev.pyconc.reference.multiprocessing.pool;

/** What the pool's cache holds for a pending call: pool.py's {@code _set(i, obj)} of ApplyResult, MapResult and the imap iterators. */
interface Job {
    /** The job's number, its key in the cache. */
    long job();

    /** Records the outcome of task {@code i}; called by the result handler thread only. */
    void set(int i, Outcome outcome);
}
