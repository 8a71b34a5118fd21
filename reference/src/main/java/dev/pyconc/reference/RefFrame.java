package dev.pyconc.reference;

/**
 * What the reference passes as the frame argument of a trace or profile function: it has no Python frames,
 * only the Java code that stands for them, so a frame is just the name of the function it stands for.
 */
final class RefFrame {
    private final String function;

    RefFrame(String function) {
        this.function = function;
    }

    @Override
    public String toString() {
        return "<frame of " + function + ">";
    }
}
