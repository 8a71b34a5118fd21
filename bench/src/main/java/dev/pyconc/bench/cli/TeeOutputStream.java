package dev.pyconc.bench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** JMH's output to a log file and, a line at a time (UTF-8), to the command's writer. */
final class TeeOutputStream extends OutputStream {
    private final OutputStream file;
    private final PrintWriter console;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    TeeOutputStream(OutputStream file, PrintWriter console) {
        this.file = file;
        this.console = console;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        file.write(b);
        line.write(b);
        if (b == '\n') {
            flushLine();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        file.flush();
        console.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            flushLine();
        }
        file.close();
        console.flush();
    }

    private void flushLine() {
        console.print(line.toString(StandardCharsets.UTF_8));
        console.flush();
        line.reset();
    }
}
