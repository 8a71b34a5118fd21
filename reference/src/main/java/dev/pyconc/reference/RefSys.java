package dev.pyconc.reference;

import dev.pyconc.spi.Sys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The reference's {@code sys}: its {@code sys.stderr} is the stream its threading module writes reports to. */
final class RefSys implements Sys {
    private final RefThreading threading;

    RefSys(RefThreading threading) {
        this.threading = threading;
    }

    @Override
    public String captureStderr(Runnable body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream old = threading.swapStderr(capture);
        try {
            body.run();
        } finally {
            threading.swapStderr(old);
        }
        synchronized (capture) { // writers print under the stream's lock
            capture.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
