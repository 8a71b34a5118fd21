package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.threading.Event;

/**
 * BUG: {@code set()} checks that the flag is clear and then flips it ({@code flag = !flag}, which reads the
 * flag again) instead of storing True, so two racing {@code set()} calls can flip it twice and leave the
 * event clear. {@code clear()}, {@code is_set()} and {@code wait(0)} are plain volatile accesses. Lincheck
 * sees {@code is_set()} False after two sets and no clear.
 */
public final class ToggleEvent implements Event {
    private volatile boolean flag;

    @Override
    public boolean isSet() {
        return flag;
    }

    @Override
    public void set() {
        if (!flag) {
            flag = !flag;
        }
    }

    @Override
    public void clear() {
        flag = false;
    }

    @Override
    public boolean await() {
        throw new UnsupportedOperationException("seeded bug: non-blocking only");
    }

    @Override
    public boolean await(Double timeout) {
        if (timeout == null || timeout != 0.0) {
            throw new UnsupportedOperationException("seeded bug: wait(0) only");
        }
        return flag;
    }
}
