package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Context;

/**
 * {@code get_context('spawn')}: CPython's {@code SpawnContext}, a concrete context whose processes are
 * {@code SpawnProcess} objects (default names {@code SpawnProcess-N}).
 */
public class SpawnContext extends BaseContext {
    private final BaseContext module;

    /** The spawn context of {@code module} (whose {@code get_context(name)} it shares). */
    public SpawnContext(BaseContext module, Object owner) {
        super(owner);
        this.module = module;
    }

    @Override
    protected String processPrefix() {
        return "SpawnProcess";
    }

    @Override
    protected Context concrete(String method) {
        return module.concrete(method);
    }

    /** {@code 'spawn'}. */
    @Override
    public String getStartMethod() {
        return SPAWN;
    }

    /** {@code 'spawn'}. */
    @Override
    public String getStartMethod(boolean allowNone) {
        return SPAWN;
    }

    /** @throws ValueError {@code cannot set start method of concrete context} */
    @Override
    public void setStartMethod(String method, boolean force) {
        throw new ValueError("cannot set start method of concrete context");
    }

    @Override
    public String toString() {
        return "<multiprocessing.context.SpawnContext object>";
    }
}
