package dev.pyconc.reference.multiprocessing.shm;

/** A second JVM for the tracker test: attaches to block {@code args[0]} with {@code track=args[1]} and exits without unlinking. */
public final class AttachAndExit {
    private AttachAndExit() {}

    public static void main(String[] args) {
        SharedMemory s = SharedMemory.attach(args[0], Boolean.parseBoolean(args[1]));
        System.out.println("attached " + s + " byte0=" + s.buf().get(0));
        s.close();
    }
}
