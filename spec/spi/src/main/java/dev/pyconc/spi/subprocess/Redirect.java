package dev.pyconc.spi.subprocess;

/**
 * The special values {@code subprocess} accepts for {@code stdin}, {@code stdout} and {@code stderr}, beside a
 * file descriptor (a {@link Long}) and None ({@code null}: the child inherits the parent's stream).
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.PIPE">subprocess.PIPE</a>
 */
public enum Redirect {
    /** {@code subprocess.PIPE} (-1): a new pipe to the child, read or written through the Popen's stream. */
    PIPE(-1),
    /** {@code subprocess.STDOUT} (-2), for {@code stderr} only: the child's stderr goes where its stdout goes. */
    STDOUT(-2),
    /** {@code subprocess.DEVNULL} (-3): the child's stream is {@code os.devnull}. */
    DEVNULL(-3);

    private final int value;

    Redirect(int value) {
        this.value = value;
    }

    /** The constant's integer value in Python's subprocess module. */
    public int value() {
        return value;
    }
}
