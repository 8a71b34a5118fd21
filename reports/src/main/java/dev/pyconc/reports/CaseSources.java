package dev.pyconc.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The source text of case methods, from the case sources the spec jar carries as resources under
 * {@value #ROOT} (see spec/suite/pom.xml), for {@code pyconc show} and the HTML report.
 */
public final class CaseSources {
    /** Classpath folder of the case sources, mirroring the packages under {@code dev.pyconc.spec.cases}. */
    public static final String ROOT = "dev/pyconc/spec/cases-src/";

    /**
     * A method's text with its javadoc and annotations.
     *
     * @param file the resource path
     * @param line the 1-based line of the text's first line
     * @param text the lines
     */
    public record Snippet(String file, int line, String text) {}

    private CaseSources() {}

    /** The source of {@code method} in {@code className} (a class under the cases package), if found. */
    public static Optional<Snippet> find(String className, String method) {
        String prefix = dev.pyconc.spec.harness.CaseIndex.CASES_PACKAGE + ".";
        if (!className.startsWith(prefix)) {
            return Optional.empty();
        }
        String top = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String file = ROOT + top.substring(prefix.length()).replace('.', '/') + ".java";
        String src;
        try (InputStream in = CaseSources.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return Optional.empty();
            }
            src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return extract(src, method).map(s -> new Snippet(file, s.line(), s.text()));
    }

    /** Finds {@code void method(} in {@code src} and returns it from its javadoc to its closing brace. */
    public static Optional<Snippet> extract(String src, String method) {
        List<String> lines = src.lines().toList();
        Pattern decl = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(");
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (decl.matcher(lines.get(i)).find()) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        // Back over annotations and javadoc, to just after the previous member or the class's opening line.
        int first = at;
        for (int i = at - 1; i >= 0; i--) {
            String t = lines.get(i).strip();
            boolean boundary = t.equals("}") || (t.endsWith(";") && !t.startsWith("*") && !t.startsWith("@"))
                    || (t.endsWith("{") && (t.contains(" class ") || t.startsWith("class ")));
            if (boundary) {
                break;
            }
            first = i;
        }
        while (first < at && lines.get(first).isBlank()) {
            first++;
        }
        int last = closingLine(lines, at);
        StringBuilder sb = new StringBuilder();
        String indent = indentOf(lines.get(at));
        for (int i = first; i <= last; i++) {
            String l = lines.get(i);
            sb.append(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading()).append('\n');
        }
        return Optional.of(new Snippet("", first + 1, sb.toString()));
    }

    private static String indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(0, n);
    }

    /** The line holding the brace that closes the body opened at or after line {@code from}. */
    private static int closingLine(List<String> lines, int from) {
        int depth = 0;
        boolean opened = false;
        boolean blockComment = false;
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i);
            for (int j = 0; j < l.length(); j++) {
                char c = l.charAt(j);
                char next = j + 1 < l.length() ? l.charAt(j + 1) : 0;
                if (blockComment) {
                    if (c == '*' && next == '/') {
                        blockComment = false;
                        j++;
                    }
                } else if (c == '/' && next == '/') {
                    break;
                } else if (c == '/' && next == '*') {
                    blockComment = true;
                    j++;
                } else if (c == '"' || c == '\'') {
                    j = skipLiteral(l, j, c);
                } else if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return i;
                    }
                }
            }
        }
        return lines.size() - 1;
    }

    private static int skipLiteral(String l, int start, char quote) {
        for (int j = start + 1; j < l.length(); j++) {
            char c = l.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                return j;
            }
        }
        return l.length();
    }
}
