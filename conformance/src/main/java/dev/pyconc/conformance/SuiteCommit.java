package dev.pyconc.conformance;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The git commit of the pyconc checkout the runner was built from, for the results file. */
final class SuiteCommit {
    static final String UNKNOWN = "unknown";

    private SuiteCommit() {}

    /**
     * {@code git rev-parse HEAD}, run in the folder holding the runner's classes or jar (so that it names the
     * checkout the jar came from, wherever the command is run), else in the current folder;
     * {@value #UNKNOWN} when git or the repository is missing.
     */
    static String get() {
        File dir = codeDir();
        String c = revParse(dir);
        if (c == null && dir != null) {
            c = revParse(null);
        }
        return c == null ? UNKNOWN : c;
    }

    private static File codeDir() {
        try {
            var src = SuiteCommit.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI());
            Path dir = p.toFile().isDirectory() ? p : p.getParent();
            return dir == null ? null : dir.toFile();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String revParse(File dir) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String s = new String(out, StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && s.matches("[0-9a-f]{40,64}") ? s : null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }
}
