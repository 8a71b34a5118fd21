package dev.pyconc.conformance;

import java.util.regex.Pattern;

/**
 * A shell-style pattern matched against a whole id: {@code *} is any run of characters (including
 * {@code /}, {@code .} and {@code #}), {@code ?} one character; everything else is literal. Case-sensitive.
 * Example: {@code threading.Lock.*} or {@code *#anotherThreadMayRelease}.
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    public Glob(String text) {
        this.text = text;
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '*' || ch == '?') {
                if (lit.length() > 0) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                re.append(ch == '*' ? ".*" : ".");
            } else {
                lit.append(ch);
            }
        }
        if (lit.length() > 0) {
            re.append(Pattern.quote(lit.toString()));
        }
        this.pattern = Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Whether the whole of {@code s} matches. */
    public boolean matches(String s) {
        return pattern.matcher(s).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
