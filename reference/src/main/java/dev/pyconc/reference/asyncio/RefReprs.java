package dev.pyconc.reference.asyncio;

/** The {@code object.__repr__} part of the primitives' reprs ({@code asyncio.locks.Lock object at 0x...}). */
final class RefReprs {
    private RefReprs() {}

    /** {@code <module.Class object at 0x...>} without the angle brackets, as the primitives' reprs embed it. */
    static String object(Object self, String pythonClass) {
        return pythonClass + " object at 0x" + Integer.toHexString(System.identityHashCode(self));
    }
}
