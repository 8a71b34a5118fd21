package dev.pyconc.spi;

import dev.pyconc.spi.exceptions.StopIteration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python iterator, such as the ones {@code concurrent.futures.as_completed} and {@code Executor.map} return.
 *
 * <p>Unlike {@link java.util.Iterator} there is no look-ahead: {@link #next()} is Python's {@code __next__},
 * which may block, may raise what the iterator raises (for example {@code TimeoutError}) and raises
 * {@link StopIteration} at the end.
 *
 * @param <T> the item type: a plain value or an SPI object
 * @see <a href="https://docs.python.org/3/library/stdtypes.html#iterator.__next__">iterator.__next__</a>
 */
public interface PyIterator<T> {
    /**
     * Calls {@code __next__}.
     *
     * @return the next item
     * @throws StopIteration when the iterator is exhausted
     * @throws dev.pyconc.spi.exceptions.BaseException whatever else the iterator raises
     */
    @Blocking
    T next();

    /**
     * Calls {@code __next__} until {@link StopIteration}, like {@code list(iterator)}.
     *
     * @return the remaining items in order
     * @throws dev.pyconc.spi.exceptions.BaseException what {@link #next()} raises other than StopIteration;
     *     items taken before it are lost, as in Python
     */
    default List<T> toList() {
        List<T> out = new ArrayList<>();
        while (true) {
            try {
                out.add(next());
            } catch (StopIteration end) {
                return out;
            }
        }
    }
}
