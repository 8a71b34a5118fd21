package dev.pyconc.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pyconc.spec.harness.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An implementation's expectations file: the cases it is known to fail, each with the status it fails with and
 * why (a bug link, a disagreement with the docs, a version gap), as WebKit's expectations or V8's test262.status
 * files do. A run given one ({@code pyconc run --expectations FILE}) reports a listed failure as
 * {@link Status#XFAIL} and a listed case that passes as {@link Status#XPASS}; an unlisted failure stays a failure.
 *
 * <p>The file is YAML:
 * <pre>{@code
 * implementation: GraalPy 25.2.4     # optional: what the file is about, free text
 * expectations:                      # required; {} for none
 *   "threading.Lock.release/unlocked-raises-runtimeerror":   # a behaviour id or case id, or a glob on them
 *     status: FAIL                   # FAIL, ERROR or TIMEOUT, or a list of them
 *     reason: https://github.com/...  # required: why
 *     profile: cpython               # optional: the entry applies only in runs of this profile
 * }</pre>
 * A key is matched as {@code --id} matches (see {@link Glob} and {@link CaseFilter}): against a case's behaviour
 * ids, its id ({@code fully.qualified.Class#method}), its short id ({@code Class#method}), or the id of one
 * invocation of a parameterized case. Quote a key that starts with {@code *}: YAML reads {@code *x} as an alias.
 * The first entry that matches a case decides it. An entry that matches none of the run's cases is reported as
 * unused.
 */
public final class Expectations {
    /**
     * The expectations files pyconc ships, by the name {@code --expectations} accepts: one per implementation of
     * {@code pyconc matrix} but the reference (which must pass everything), named as the matrix names it.
     */
    public static final String BUNDLED_NAMES = "cpython-3.14, cpython-3.13, python3, pypy3, graalpy";

    /** {@link #BUNDLED_NAMES} as a list. */
    public static final List<String> BUNDLED = List.of(BUNDLED_NAMES.split(", "));

    /** Where the bundled files are, as class path resources {@code <BUNDLED_DIR>/<name>.yaml}. */
    static final String BUNDLED_DIR = "dev/pyconc/conformance/expectations";

    /** The statuses an entry may expect: the failures. */
    static final List<Status> EXPECTABLE = List.of(Status.FAIL, Status.ERROR, Status.TIMEOUT);

    private static final List<String> TOP_KEYS = List.of("implementation", "expectations");
    private static final List<String> ENTRY_KEYS = List.of("status", "reason", "profile");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * One entry.
     *
     * @param pattern the key: a behaviour id, a case id or a glob on them
     * @param statuses the failure statuses expected (any of them makes the case XFAIL)
     * @param reason why the implementation fails it
     * @param profile the only profile the entry applies in, or null for every profile
     */
    public record Entry(String pattern, List<Status> statuses, String reason, Profile profile) {
        public Entry {
            statuses = List.copyOf(statuses);
        }

        /**
         * Whether the entry names this case: one of its behaviour ids, its id or short id, or one of
         * {@code resultIds} (the result's id and name, which for a parameterized case name one invocation).
         */
        public boolean matches(CaseInfo info, List<String> resultIds) {
            Glob g = new Glob(pattern);
            if (resultIds.stream().anyMatch(g::matches)) {
                return true;
            }
            return info != null && (g.matches(info.id()) || g.matches(info.shortId())
                    || info.behaviours().stream().anyMatch(g::matches));
        }

        /** Whether the entry applies in a run of profile {@code p}. */
        public boolean appliesTo(Profile p) {
            return profile == null || profile == p;
        }

        /** {@code FAIL} or {@code FAIL or ERROR}. */
        public String statusText() {
            return String.join(" or ", statuses.stream().map(Status::label).toList());
        }
    }

    private final String source;
    private final String implementation;
    private final List<Entry> entries;

    Expectations(String source, String implementation, List<Entry> entries) {
        this.source = source;
        this.implementation = implementation;
        this.entries = List.copyOf(entries);
    }

    /** Where it came from: the file's path, or {@code bundled:NAME}. */
    public String source() {
        return source;
    }

    /** The file's {@code implementation} line, or null. */
    public String implementation() {
        return implementation;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entries that apply in a run of profile {@code p}, in file order. */
    public List<Entry> entries(Profile p) {
        return entries.stream().filter(e -> e.appliesTo(p)).toList();
    }

    /** The first entry applying in profile {@code p} that names the case, if any. */
    public Optional<Entry> find(CaseInfo info, List<String> resultIds, Profile p) {
        return entries.stream().filter(e -> e.appliesTo(p) && e.matches(info, resultIds)).findFirst();
    }

    /**
     * The status of a case that had {@code actual} and is listed by {@code e}: XFAIL for one of the expected
     * failures, XPASS for a pass, and otherwise {@code actual} (another failure than the one listed stays a
     * failure; N/A and SKIP stay what they are).
     */
    public static Status verdict(Status actual, Entry e) {
        if (actual == Status.PASS) {
            return Status.XPASS;
        }
        if (e.statuses().contains(actual)) {
            return Status.XFAIL;
        }
        return actual;
    }

    /**
     * The expectations {@code --expectations} names: an existing file, or else the name of a bundled file
     * ({@link #BUNDLED}).
     *
     * @throws ConformanceException naming the file (or name) and what is wrong with it
     */
    public static Expectations resolve(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return load(p);
        }
        if (BUNDLED.contains(nameOrPath)) {
            return bundled(nameOrPath);
        }
        if (Files.exists(p)) {
            throw new ConformanceException("expectations file " + nameOrPath + ": not a regular file");
        }
        throw new ConformanceException("no expectations file '" + nameOrPath + "': not a file, nor one of the bundled "
                + String.join(", ", BUNDLED));
    }

    /** A bundled file, by name. */
    public static Expectations bundled(String name) {
        String resource = BUNDLED_DIR + "/" + name + ".yaml";
        try (InputStream in = Expectations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null || !BUNDLED.contains(name)) {
                throw new ConformanceException("no bundled expectations file '" + name + "'; bundled: "
                        + String.join(", ", BUNDLED));
            }
            return parse("bundled:" + name, in.readAllBytes());
        } catch (IOException e) {
            throw new ConformanceException("bundled expectations file " + name + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads and checks a file. */
    public static Expectations load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConformanceException("expectations file " + file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), bytes);
    }

    /**
     * Parses and checks a file's text: a mapping with {@code expectations} (and optionally {@code implementation});
     * each entry a mapping with a known {@code status}, a non-blank {@code reason} and optionally {@code profile},
     * nothing else.
     *
     * @param source the file's name, for the messages
     * @throws ConformanceException "{@code <source>: entry '<key>': <problem>}", one line
     */
    static Expectations parse(String source, byte[] yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field ")) {
                msg = "duplicate entry " + msg.substring("Duplicate field ".length());
            }
            throw bad(source, null, (msg == null ? "not valid YAML" : msg)
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw bad(source, null, "cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw bad(source, null, "empty; write 'expectations: {}' for a file without entries");
        }
        if (!root.isObject()) {
            throw bad(source, null, "expected a mapping with the key 'expectations' at the top");
        }
        checkKeys(source, null, root, TOP_KEYS);
        JsonNode impl = root.get("implementation");
        if (impl != null && !impl.isTextual()) {
            throw bad(source, null, "'implementation' must be text");
        }
        JsonNode list = root.get("expectations");
        if (list == null) {
            throw bad(source, null, "missing key 'expectations' (write 'expectations: {}' for none)");
        }
        if (list.isNull()) {
            list = YAML.createObjectNode();
        }
        if (!list.isObject()) {
            throw bad(source, null, "'expectations' must map a behaviour id, case id or glob to its status and reason");
        }
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            entries.add(entry(source, f.getKey(), f.getValue()));
        }
        return new Expectations(source, impl == null ? null : impl.asText(), entries);
    }

    /** Fails on a key of {@code node} that is not in {@code known}, naming the file and the entry. */
    private static void checkKeys(String source, String entry, JsonNode node, List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw bad(source, entry, "unknown key '" + k + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static Entry entry(String source, String key, JsonNode v) {
        if (key.isBlank()) {
            throw bad(source, key, "the key must be a behaviour id, case id or glob");
        }
        if (v == null || !v.isObject()) {
            throw bad(source, key, "expected a mapping with 'status' and 'reason'");
        }
        checkKeys(source, key, v, ENTRY_KEYS);
        JsonNode st = v.get("status");
        String expectable = String.join(", ", EXPECTABLE.stream().map(Status::name).toList());
        if (st == null || st.isNull() || (st.isArray() && st.isEmpty())) {
            throw bad(source, key, "missing status (" + expectable + ", or a list of them)");
        }
        Set<Status> statuses = new LinkedHashSet<>();
        for (JsonNode s : st.isArray() ? st : List.of(st)) {
            Status parsed = s.isTextual() ? EXPECTABLE.stream().filter(x -> x.name().equals(s.asText())).findFirst()
                    .orElse(null) : null;
            if (parsed == null) {
                throw bad(source, key, "unknown status '" + (s.isTextual() ? s.asText() : s.toString())
                        + "' (expected " + expectable + ")");
            }
            statuses.add(parsed);
        }
        JsonNode reason = v.get("reason");
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            throw bad(source, key, "missing reason (a bug link, a disagreement with the docs, a version gap)");
        }
        Profile profile = null;
        JsonNode pr = v.get("profile");
        if (pr != null) {
            try {
                profile = Profile.parse(pr.asText());
            } catch (IllegalArgumentException e) {
                throw bad(source, key, "profile must be docs or cpython: " + pr.asText());
            }
        }
        return new Entry(key, List.copyOf(statuses), reason.asText().strip(), profile);
    }

    private static ConformanceException bad(String source, String key, String problem) {
        return new ConformanceException("expectations file " + source + ": "
                + (key == null ? "" : "entry '" + key + "': ") + problem.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
