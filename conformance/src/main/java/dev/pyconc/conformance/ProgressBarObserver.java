package dev.pyconc.conformance;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code pyconc run}'s progress on a terminal: one bar (me.tongfei:progressbar) with the count of cases, the
 * elapsed time and an estimate of the time left, and the module and case running; every case that does not pass
 * (nor XFAIL) is printed above the bar as it ends, in the per-case line format. Only for a terminal: {@link
 * #isTerminal()} decides, and {@code pyconc run} prints the per-case lines instead elsewhere (a pipe, a file, CI)
 * or with {@code --verbose}, so nothing of the bar (carriage returns, redraws) reaches redirected output.
 *
 * <p>The bar and the lines above it are drawn to the terminal's standard output (the stream the summary goes to
 * as well), under one lock, so that a line is never cut by a redraw. While the bar is shown, what the cases or
 * adapters print themselves ({@code System.out} and {@code System.err}, e.g. a random case's seed) is passed on
 * a whole line at a time, after clearing the bar's line, so it lands above the bar; standard error's lines still
 * go to standard error, without any terminal control characters.
 */
final class ProgressBarObserver implements ConformanceRunner.Observer, AutoCloseable {
    private final PrintWriter text;
    private final PrintStream terminal;
    private final Object lock = new Object();
    private ProgressBar bar;
    private String lastDrawn = "";
    private PrintStream savedOut;
    private PrintStream savedErr;

    /**
     * @param text the command's output, flushed before the bar draws
     * @param terminal the terminal's stream (System.out)
     */
    ProgressBarObserver(PrintWriter text, PrintStream terminal) {
        this.text = text;
        this.terminal = terminal;
    }

    /**
     * Whether standard output is an interactive terminal: {@link System#console()} exists (on JDK 17 only when
     * standard input and output are both a terminal; on JDK 22 and later also {@code Console.isTerminal()}), and
     * {@code TERM} is not {@code dumb}.
     */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(m.invoke(c));
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 a Console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void started(RunInfo info, int cases) {
        text.println(RunCommand.startLine(info, cases));
        text.flush();
        ProgressBarConsumer width = new ConsoleProgressBarConsumer(terminal);
        bar = new ProgressBarBuilder()
                .setTaskName("pyconc")
                .setInitialMax(cases)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .setConsumer(new Consumer(width.getMaxRenderedLength()))
                .build();
        savedOut = System.out;
        savedErr = System.err;
        Charset cs = Charset.defaultCharset(); // what System.out and System.err encode with on JDK 17
        System.setOut(new PrintStream(new AboveBar(terminal, false), true, cs));
        System.setErr(new PrintStream(new AboveBar(savedErr, true), true, cs));
    }

    @Override
    public void caseStarted(String module, String name) {
        ProgressBar b = bar;
        if (b != null) {
            String what = module + " " + name;
            b.setExtraMessage(what.length() <= 40 ? what : what.substring(0, 37) + "...");
        }
    }

    @Override
    public void caseFinished(CaseResult result, int done, int expected) {
        ProgressBar b = bar;
        if (b == null) {
            return;
        }
        if (result.status() != Status.PASS && result.status() != Status.XFAIL) {
            synchronized (lock) {
                // Clear the bar's line, print the case, and let the bar redraw below it.
                terminal.print("\r\033[K" + TextReport.progressLine(result, done, expected) + "\n");
                terminal.flush();
                lastDrawn = "";
            }
        }
        b.maxHint(expected);
        b.stepTo(done);
    }

    /** Draws the bar a last time and ends its line, so the summary starts on a line of its own. */
    @Override
    public void close() {
        if (savedOut != null) {
            System.out.flush();
            System.err.flush();
            System.setOut(savedOut);
            System.setErr(savedErr);
            savedOut = null;
        }
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Passes whole lines on to {@code target} after clearing the bar's line, so they appear above the bar. */
    private final class AboveBar extends OutputStream {
        private final PrintStream target;
        private final boolean separate;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        /** @param separate whether {@code target} is another stream than the bar's (standard error) */
        AboveBar(PrintStream target, boolean separate) {
            this.target = target;
            this.separate = separate;
        }

        @Override
        public void write(int b) {
            synchronized (lock) {
                line.write(b);
                if (b == '\n') {
                    emit();
                }
            }
        }

        @Override
        public void flush() {
            synchronized (lock) {
                if (line.size() > 0 && line.toByteArray()[line.size() - 1] == '\n') {
                    emit();
                }
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (line.size() > 0) {
                    line.write('\n');
                    emit();
                }
            }
        }

        private void emit() {
            terminal.print("\r\033[K");
            terminal.flush();
            if (separate) {
                target.write(line.toByteArray(), 0, line.size());
            } else {
                terminal.write(line.toByteArray(), 0, line.size());
            }
            target.flush();
            line.reset();
            lastDrawn = "";
        }
    }

    /** Draws the bar on one line of the terminal, under the lock shared with the lines printed above it. */
    private final class Consumer implements ProgressBarConsumer {
        private final int maxLength;

        Consumer(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public int getMaxRenderedLength() {
            return maxLength;
        }

        @Override
        public void accept(String rendered) {
            synchronized (lock) {
                if (!rendered.equals(lastDrawn)) {
                    terminal.print("\r\033[K" + rendered);
                    terminal.flush();
                    lastDrawn = rendered;
                }
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                terminal.println();
                terminal.flush();
            }
        }
    }
}
