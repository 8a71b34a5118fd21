package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.threading.Event;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Lincheck operations on a {@code threading.Event}: {@code set()}, {@code clear()}, {@code is_set()} and
 * {@code wait(0.0)} (returns the flag at once, never parks). Checked against {@link Model}.
 * https://docs.python.org/3/library/threading.html#event-objects
 */
public class EventLincheck {
    private final Event event = create();

    /** The event under test; seeded bugs override this. */
    protected Event create() {
        return StressAdapter.get().module(ThreadingModule.class).event();
    }

    @Operation
    public void set() {
        event.set();
    }

    @Operation
    public void clear() {
        event.clear();
    }

    @Operation
    public boolean isSet() {
        return event.isSet();
    }

    @Operation
    public boolean waitZero() {
        return event.await(0.0);
    }

    /** The sequential model: one boolean. */
    public static final class Model {
        private boolean flag;

        public void set() {
            flag = true;
        }

        public void clear() {
            flag = false;
        }

        public boolean isSet() {
            return flag;
        }

        public boolean waitZero() {
            return flag;
        }
    }
}
