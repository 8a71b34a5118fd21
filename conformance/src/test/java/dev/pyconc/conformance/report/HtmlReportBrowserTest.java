package dev.pyconc.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyconc.conformance.Main;
import dev.pyconc.reports.Json;
import dev.pyconc.reports.stress.StressReport;
import dev.pyconc.reports.stress.StressTestResult;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report in a real browser (headless Chromium through Selenium and Debian's chromedriver): a report
 * of a real reference run (sched, contextvars), a synthetic implementation carrying every status (XFAIL and
 * XPASS included) and messages full of HTML, and stress summaries, must show every implementation column and
 * every cell as its results file says, without a script error; the checker must reject a page with a
 * tampered cell, a missing column or a script error. The page's screenshot is kept as
 * {@code target/report-screenshot.png}, the site as {@code target/report-site/}.
 *
 * <p>Needs {@code chromium} and {@code chromedriver} ({@code apt-get install chromium chromium-driver}; .ci/run
 * installs them); other paths with {@code -Dpyconc.chromium=} and {@code -Dpyconc.chromedriver=}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {
    private static final Path WORK = Path.of("target", "report-test").toAbsolutePath();
    private static final Path SITE = Path.of("target", "report-site").toAbsolutePath();
    private static final List<String> EVERY_STATUS = List.of("PASS", "FAIL", "ERROR", "TIMEOUT", "NOT_APPLICABLE",
            "SKIPPED", "XFAIL", "XPASS");

    private Set<Long> chromeBefore;
    private ChromeDriverService service;
    private ChromeDriver driver;
    private List<Path> conformance;
    private List<Path> stress;

    @BeforeAll
    void generateAndOpenBrowser() throws IOException {
        deleteTree(WORK);
        deleteTree(SITE);
        Path reference = WORK.resolve("reference");
        run("run", "--module", "sched", "--module", "contextvars", "--results-dir", reference.toString());
        Path synthetic = synthetic(reference.resolve("results.json"), WORK.resolve("synthetic/results.json"));
        conformance = List.of(reference.resolve("results.json"), synthetic);
        stress = stressSummaries();
        List<String> args = new ArrayList<>(List.of("report"));
        conformance.forEach(p -> args.add(p.toString()));
        stress.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("-o", SITE.toString()));
        run(args.toArray(new String[0]));

        chromeBefore = chromeDescendants();
        String chromium = System.getProperty("pyconc.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("pyconc.chromedriver", "/usr/bin/chromedriver");
        assertTrue(Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver)),
                "the browser test needs " + chromium + " and " + chromedriver
                        + ": apt-get install -y chromium chromium-driver (.ci/run does it)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1800", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver)).build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    @AfterAll
    void quitBrowserLeavingNoProcess() throws InterruptedException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
        }
        Set<Long> left = Set.of();
        for (int i = 0; i < 50; i++) {
            left = chromeDescendants();
            left.removeAll(chromeBefore);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(Set.of(), left, "browser processes left running after quit()");
    }

    @Test
    void thePageAgreesWithEveryResultsFile() throws IOException {
        List<String> problems = ReportPageChecker.check(driver, SITE.resolve("index.html"), conformance, stress);
        Path shot = Path.of("target", "report-screenshot.png");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot,
                StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(), problems);
        // Every status word is on the page, XFAIL and XPASS with their own look.
        for (String s : EVERY_STATUS) {
            assertFalse(driver.findElements(By.cssSelector("td.cell[data-status='" + s + "']")).isEmpty(), s);
        }
        String xfail = driver.findElement(By.cssSelector("td.cell[data-status='XFAIL']")).getCssValue("background-image");
        String fail = driver.findElement(By.cssSelector("td.cell[data-status='FAIL']")).getCssValue("background-color");
        String xpass = driver.findElement(By.cssSelector("td.cell[data-status='XPASS']")).getCssValue("outline-style");
        assertTrue(xfail.contains("gradient"), xfail);
        assertEquals("dashed", xpass);
        assertFalse(fail.equals(driver.findElement(By.cssSelector("td.cell[data-status='XPASS']")).getCssValue("background-color")));
        // The HTML in messages is text: no script of a message ran.
        assertEquals(null, driver.executeScript("return window.__x === undefined ? null : window.__x;"));
    }

    @Test
    void messagesShowOnDemandAndFiltersHideColumnsAndRows() throws IOException {
        driver.get(SITE.resolve("index.html").toUri().toString());
        WebElement cell = driver.findElement(By.cssSelector("td.cell[data-impl='synthetic'][data-status='FAIL']"));
        WebElement message = cell.findElement(By.cssSelector("pre.message"));
        assertFalse(message.isDisplayed(), "a message is shown before its cell is opened");
        cell.findElement(By.tagName("summary")).click();
        assertTrue(message.isDisplayed(), "opening a cell does not show its message");
        assertTrue(message.getText().contains("<b>not bold</b>"), message.getText());

        // Hide the synthetic implementation: its column goes; then keep only rows with a FAIL cell shown.
        driver.findElement(By.cssSelector("#filters input[name='impl'][value='synthetic']")).click();
        assertFalse(driver.findElement(By.cssSelector("#matrix th.impl[data-impl='synthetic']")).isDisplayed());
        assertTrue(driver.findElement(By.cssSelector("#matrix th.impl[data-impl='reference']")).isDisplayed());
        driver.findElement(By.cssSelector("#filters input[name='impl'][value='synthetic']")).click();
        for (WebElement box : driver.findElements(By.cssSelector("#filters input[name='status']"))) {
            if (!"FAIL".equals(box.getAttribute("value"))) {
                box.click();
            }
        }
        List<List<Object>> rows = rowStates();
        int shown = 0;
        for (List<Object> row : rows) {
            boolean hasFail = (Boolean) row.get(3);
            assertEquals(hasFail, row.get(2), "shown: " + row.get(0));
            shown += hasFail ? 1 : 0;
        }
        assertTrue(shown > 0);
        assertEquals(shown + " of " + rows.size() + " behaviours shown", driver.findElement(By.id("shown")).getText());
        // Module filter: contextvars off hides its rows and no other (a contextvars case checks threading.Thread).
        driver.findElements(By.cssSelector("#filters input[name='status']")).forEach(b -> {
            if (!b.isSelected()) {
                b.click();
            }
        });
        driver.findElement(By.cssSelector("#filters input[name='module'][value='contextvars']")).click();
        for (List<Object> row : rowStates()) {
            assertEquals(!"contextvars".equals(row.get(1)), row.get(2), "shown: " + row.get(0));
        }
    }

    /** Per behaviour row: id, module, whether the browser lays it out (shown), whether it has a FAIL cell. */
    @SuppressWarnings("unchecked")
    private List<List<Object>> rowStates() {
        return (List<List<Object>>) driver.executeScript("return Array.prototype.map.call("
                + "document.querySelectorAll('#matrix tr.behaviour'), function (tr) { return [tr.getAttribute('data-behaviour'), "
                + "tr.getAttribute('data-module'), tr.getClientRects().length > 0, "
                + "tr.querySelector(\"td.cell[data-status='FAIL']\") !== null]; });");
    }

    @Test
    void theCaseSourceIsOneClickAway() {
        driver.get(SITE.resolve("index.html").toUri().toString());
        WebElement link = driver.findElement(By.cssSelector("#matrix tr.behaviour a.case"));
        String name = link.getText();
        link.click();
        WebElement target = driver.findElement(By.cssSelector("section.case:target"));
        assertTrue(target.getText().contains(name.substring(name.indexOf('#') + 1)), target.getText());
        assertTrue(target.findElement(By.cssSelector("pre.source")).getText().contains("@Checks"));
    }

    @Test
    void theCheckerRejectsATamperedCell() throws IOException {
        Path bad = copySite("tampered-cell");
        String html = Files.readString(bad.resolve("index.html"));
        String cell = "data-impl=\"reference\" data-status=\"PASS\"><details><summary><span class=\"st\">PASS</span>";
        assertTrue(html.contains(cell), "no reference PASS cell to tamper with");
        Files.writeString(bad.resolve("index.html"), html.replaceFirst(java.util.regex.Pattern.quote(cell),
                cell.replace("PASS", "FAIL")));
        List<String> problems = ReportPageChecker.check(driver, bad.resolve("index.html"), conformance, stress);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("reference / ") && p.contains("cell status FAIL, the file says PASS")),
                problems.toString());
    }

    @Test
    void theCheckerRejectsAWrongMessage() throws IOException {
        Path bad = copySite("tampered-message");
        String html = Files.readString(bad.resolve("index.html"));
        Files.writeString(bad.resolve("index.html"), html.replaceFirst("not bold", "not b0ld"));
        List<String> problems = ReportPageChecker.check(driver, bad.resolve("index.html"), conformance, stress);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("synthetic / ") && problems.get(0).contains("not b0ld"), problems.toString());
    }

    @Test
    void theCheckerRejectsAMissingColumn() throws IOException {
        Path other = WORK.resolve("other/results.json");
        ObjectNode tree = (ObjectNode) Json.tree(conformance.get(0));
        ((ObjectNode) tree.get("run")).put("adapter", "other");
        Json.write(tree, other);
        List<Path> files = new ArrayList<>(conformance);
        files.add(other);
        List<String> problems = ReportPageChecker.check(driver, SITE.resolve("index.html"), files, stress);
        assertEquals(List.of("missing implementation column for " + other + " (other)"), problems);
    }

    @Test
    void theCheckerRejectsAScriptError() throws IOException {
        Path bad = copySite("script-error");
        Path js = bad.resolve("assets/report.js");
        Files.writeString(js, Files.readString(js).replace("var form = document.getElementById('filters');",
                "var form = document.getElementById('filters'); null.deliberate();"));
        List<String> problems = ReportPageChecker.check(driver, bad.resolve("index.html"), conformance, stress);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("script error: ") && p.contains("deliberate")),
                problems.toString());
        assertTrue(problems.contains("script error: the page's script did not run to its end (body has no data-ready)"),
                problems.toString());
    }

    @Test
    void theCheckerRejectsAWrongStressVerdict() throws IOException {
        Path bad = copySite("tampered-stress");
        String html = Files.readString(bad.resolve("index.html"));
        String caught = "<td class=\"cell\" data-status=\"FAIL\">";
        assertTrue(html.contains(caught), "no failed stress test to tamper with");
        Files.writeString(bad.resolve("index.html"), html.replace(caught, "<td class=\"cell\" data-status=\"PASS\">"));
        List<String> problems = ReportPageChecker.check(driver, bad.resolve("index.html"), conformance, stress);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("stress ") && p.contains("page shows PASS, the file says FAIL")),
                problems.toString());
    }

    /** The reference results made into another implementation with every status and HTML in its messages. */
    private static Path synthetic(Path reference, Path out) {
        ObjectNode tree = (ObjectNode) Json.tree(reference);
        ObjectNode run = (ObjectNode) tree.get("run");
        run.put("adapter", "synthetic");
        run.put("implementation", "synthetic 0.0 (statuses made up by HtmlReportBrowserTest)");
        run.put("pythonVersion", "3.99");
        ArrayNode cases = (ArrayNode) tree.get("cases");
        for (int i = 0; i < 3; i++) {
            cases.remove(cases.size() - 1); // behaviours without a result in this column
        }
        ObjectNode counts = run.putObject("counts");
        EVERY_STATUS.forEach(s -> counts.put(s, 0));
        for (int i = 0; i < cases.size(); i++) {
            ObjectNode c = (ObjectNode) cases.get(i);
            String status = EVERY_STATUS.get(i % EVERY_STATUS.size());
            c.put("status", status);
            if (status.equals("PASS")) {
                c.remove("message");
            } else {
                c.put("message", "<b>not bold</b> & \"quoted\" <script>window.__x = 1</script> " + status + " " + i);
            }
            counts.put(status, counts.get(status).asInt() + 1);
        }
        run.put("total", cases.size());
        Json.write(tree, out);
        return out;
    }

    private static List<Path> stressSummaries() {
        long now = System.currentTimeMillis();
        StressReport ok = new StressReport(new StressReport.Run("reference", "quick", null, List.of("jcstress", "lincheck"),
                "test JVM", "test OS", now, 12.5, 0, true), List.of(
                new StressTestResult("dev.pyconc.stress.jcstress.LockStress.MutualExclusion", "jcstress", "threading.Lock", "OK",
                        List.of(new StressTestResult.Outcome("1, 2", 1000, "ACCEPTABLE", "one after the other"),
                                new StressTestResult.Outcome("1, 1", 0, "FORBIDDEN", "both inside")),
                        false, null, null, null),
                new StressTestResult("LincheckTests.lock", "lincheck", "threading.Lock", "PASS", List.of(), false, 3.2, null, null)));
        StressReport seeded = new StressReport(new StressReport.Run("seeded-lock-check-then-act", "quick", "LockStress",
                List.of("jcstress"), "test JVM", "test OS", now, 20.0, 1, false), List.of(
                new StressTestResult("dev.pyconc.stress.jcstress.LockStress.MutualExclusion", "jcstress", "threading.Lock", "FAILED",
                        List.of(new StressTestResult.Outcome("1, 1", 7, "FORBIDDEN", "both inside")),
                        true, null, "forbidden outcome 1, 1 <seen>", null)));
        Path a = WORK.resolve("stress/summary.json");
        Path b = WORK.resolve("stress-seeded/summary.json");
        ok.writeJson(a);
        seeded.writeJson(b);
        return List.of(a, b);
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, "pyconc " + String.join(" ", args) + ":\n" + out + err);
    }

    private static Path copySite(String name) throws IOException {
        Path to = WORK.resolve(name);
        deleteTree(to);
        try (Stream<Path> s = Files.walk(SITE)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(SITE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Processes of this JVM's tree whose command names chrome, chromium or chromedriver. */
    private static Set<Long> chromeDescendants() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
