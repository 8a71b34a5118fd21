package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.spi.PyCallable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code multiprocessing.pool.MapResult}: the result of {@code map_async} and {@code starmap_async}, filled chunk by
 * chunk. The first exception is kept; the result is ready only once every chunk has come back, and then the callback
 * gets the whole list (or the error callback the exception). An empty iterable is ready at once, without callback,
 * as in pool.py.
 */
final class MapResult extends RefAsyncResult {
    private final int chunksize;
    private final List<Object> values;
    private int numberLeft;

    MapResult(RefPool pool, int chunksize, int length, PyCallable callback, PyCallable errorCallback) {
        super(pool, callback, errorCallback);
        this.chunksize = chunksize;
        this.values = new ArrayList<>(Collections.nCopies(length, null));
        this.success = true;
        this.value = values;
        if (chunksize <= 0) {
            numberLeft = 0;
            finish();
        } else {
            numberLeft = length / chunksize + (length % chunksize == 0 ? 0 : 1);
        }
    }

    @Override
    public void set(int i, Outcome outcome) {
        numberLeft--;
        if (outcome.success() && success) {
            List<?> chunk = (List<?>) outcome.value();
            for (int k = 0; k < chunk.size(); k++) {
                values.set(i * chunksize + k, chunk.get(k));
            }
        } else if (!outcome.success() && success) {
            success = false;
            value = outcome.value();
        }
        if (numberLeft == 0) {
            runCallbacks();
            finish();
        }
    }

    @Override
    protected String pythonClass() {
        return "MapResult";
    }
}
