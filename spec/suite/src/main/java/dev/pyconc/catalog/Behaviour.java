package dev.pyconc.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyVersion;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One documented behaviour.
 *
 * @param id stable id {@code <dotted api>/<slug>}, e.g. {@code threading.Lock.acquire/nonblocking-held-returns-false}
 * @param api the dotted Python name, e.g. {@code threading.Lock.acquire}
 * @param doc the documentation URL with its anchor
 * @param summary what Python promises, in pyconc's own words
 * @param since first Python version it applies to ({@code major.minor}), or null for every 3.x
 * @param until last Python version it applies to, or null for no end
 * @param tags free tags from {@link #KNOWN_TAGS}
 * @param requires features the implementation must have
 * @param lacks features the implementation must not have: the behaviour is what happens without them (on a
 *     platform that cannot change stack sizes, say), so an adapter that has one gets NOT_APPLICABLE
 * @param untestable why no suite could check it (a non-guarantee, garbage collection, interpreter exit, a
 *     complexity bound), or null when it is testable
 * @param gap for a testable behaviour without a case: why the SPI cannot express it yet, or null. A gap counts
 *     against coverage ({@link #covered}); it is not a reason for {@code untestable}. A gap whose reason begins
 *     with {@link #DEFERRED} is scope an issue moved to a later one ({@link #deferred()}).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Behaviour(String id, String api, String doc, String summary, String since, String until,
        List<String> tags, List<Feature> requires, List<Feature> lacks, String untestable, String gap) {

    /** The closed set of tags. */
    public static final List<String> KNOWN_TAGS = List.of("timing", "platform", "cpython-detail", "property",
            "deprecated", "multi-thread");

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*/[a-z0-9]+(-[a-z0-9]+)*");

    public Behaviour {
        tags = tags == null ? List.of() : List.copyOf(tags);
        requires = requires == null ? List.of() : List.copyOf(requires);
        lacks = lacks == null ? List.of() : List.copyOf(lacks);
    }

    /**
     * The Python module, by its Python name: the {@link PyModule} row whose name {@link #api()} starts with
     * ({@code threading}, {@code concurrent.futures}, {@code _thread}); null for an api outside the registry,
     * which {@link #problems()} reports.
     */
    public String module() {
        return PyModule.ofApi(api).map(PyModule::pythonName).orElse(null);
    }

    /** Whether a case can check it: it is not {@code untestable} (it may still be a {@code gap}). */
    public boolean testable() {
        return untestable == null || untestable.isBlank();
    }

    /** How the reason of a {@link #gap} begins when the behaviour is left to a later issue. */
    public static final String DEFERRED = "comes in a later issue";

    /**
     * Whether it is a gap left to a later issue on purpose (its reason begins with {@link #DEFERRED}): it still
     * counts as uncovered in the module's coverage figure, but not against the module's coverage floor.
     */
    public boolean deferred() {
        return gap != null && gap.startsWith(DEFERRED);
    }

    /** Whether it is testable and the SPI can express it, so that it must have a case. */
    public boolean covered() {
        return testable() && (gap == null || gap.isBlank());
    }

    /** Whether it applies to the given Python version (since/until by major.minor). */
    public boolean appliesTo(PyVersion v) {
        return (since == null || v.atLeast(PyVersion.parse(since)))
                && (until == null || PyVersion.parse(until).atLeast(v));
    }

    /** Problems with this entry, empty when valid. */
    public List<String> problems() {
        var out = new java.util.ArrayList<String>();
        if (id == null || !ID.matcher(id).matches()) {
            out.add("id must be <dotted api>/<kebab-slug>: " + id);
        } else if (api == null || !id.startsWith(api + "/")) {
            out.add(id + ": id must start with its api + '/': " + api);
        } else if (module() == null) {
            out.add(id + ": api " + api + " is in no module of " + PyModule.class.getSimpleName() + " "
                    + PyModule.pythonNames());
        }
        if (doc == null || !doc.startsWith("https://docs.python.org/3/library/") || !doc.contains("#")) {
            out.add(id + ": doc must be a docs.python.org/3/library URL with an anchor: " + doc);
        }
        if (summary == null || summary.isBlank()) {
            out.add(id + ": summary is missing");
        }
        for (String s : new String[] {since, until}) {
            if (s != null) {
                try {
                    PyVersion.parse(s);
                } catch (IllegalArgumentException e) {
                    out.add(id + ": bad version " + s);
                }
            }
        }
        if (untestable != null && gap != null) {
            out.add(id + ": an entry is either untestable or a gap, not both");
        }
        for (Feature f : lacks) {
            if (requires.contains(f)) {
                out.add(id + ": feature " + f + " is both required and lacking");
            }
        }
        for (String t : tags) {
            if (!KNOWN_TAGS.contains(t)) {
                out.add(id + ": unknown tag " + t + " (known: " + KNOWN_TAGS + ")");
            }
        }
        return out;
    }
}
