package jp.nakano.planreview.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import jp.nakano.planreview.command.CommandFixture;

/**
 * Every page of the HTML edition of a real run, checked in headless Chromium with axe-core (npm {@code axe-core},
 * installed into {@code a11y/node_modules} by {@code npm ci --prefix a11y}, which {@code .ci/run} does): no
 * violation of WCAG 2.0, 2.1 and 2.2 at levels A and AA. A screenshot of each page goes to
 * {@code target/screenshots/}. Without the browser or axe-core the tests are skipped, unless
 * {@code PLAN_REVIEW_REQUIRE_BROWSER=true} (CI) fails them.
 */
class AccessibilityTests {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));

    private static final Path CHROMEDRIVER = Path.of(
            System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static final Path AXE = Path.of("a11y/node_modules/axe-core/axe.min.js");

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    /** The WCAG 2.x rules of levels A and AA, as axe-core tags them. */
    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a",
            "wcag22aa");

    @TempDir
    private static Path shared;

    private static Path runFolder;

    private static WebDriver browser;

    private static String axe;

    @BeforeAll
    static void runTheReviewAndOpenABrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.isRegularFile(AXE);
        String why = "the accessibility check needs " + CHROMIUM + ", " + CHROMEDRIVER + " (apt-get install chromium "
                + "chromium-driver) and " + AXE + " (npm ci --prefix a11y); .ci/run installs them";
        if (!present && "true".equals(System.getenv("PLAN_REVIEW_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("PLAN_REVIEW_REQUIRE_BROWSER=true but " + why);
        }
        Assumptions.assumeTrue(present, why);
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        Path output = shared.resolve("out");
        assertThat(CommandFixture.run(shared, "--output=" + output)).isZero();
        runFolder = output.resolve("FY2022").resolve(Files.readString(output.resolve("FY2022/latest")).strip());
        Files.createDirectories(SCREENSHOTS);
        browser = browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldFindNoWcagLevelAOrAaViolationOnAnyPageOfTheHtmlEdition() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.list(runFolder)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        // the review of each plan rendered for the year and a page per year of the 電子申請の利用状況
        assertThat(pages.stream().map(p -> p.getFileName().toString())).contains("review-chiiki2-FY2022.html",
                "eprocedure-usage-FY2020.html", "eprocedure-usage-FY2021.html",
                "eprocedure-usage-FY2022.html");
        List<String> violations = new ArrayList<>();
        for (Path page : pages) {
            List<Map<String, Object>> found = check(page);
            assertThat(passes).as("axe-core ran its rules on " + page.getFileName()).isPositive();
            for (Map<String, Object> v : found) {
                violations.add(page.getFileName() + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("help")
                        + " " + v.get("nodes"));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void shouldReportAViolationWhereThereIsOne() throws Exception {
        // the check itself can fail: a table header without text and an image without an alternative
        Path broken = shared.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1>"
                + "<img src=\"x.png\"><table><tr><th></th></tr><tr><td>1</td></tr></table></main></body></html>");
        List<String> ids = check(broken).stream().map(v -> (String) v.get("id")).toList();
        assertThat(ids).contains("html-has-lang", "image-alt");
    }

    private static long passes;

    /** Opens a page, injects axe-core and returns its violations at WCAG 2.x A and AA. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> check(Path page) {
        browser.get(page.toUri().toString());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                   .then(r => done({ violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).slice(0, 5) })),
                        passes: r.passes.length }))
                   .catch(e => done({ error: String(e) }));
                """, WCAG_A_AA);
        assertThat(result.get("error")).as("axe-core on " + page.getFileName()).isNull();
        passes = ((Number) result.get("passes")).longValue();
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(SCREENSHOTS.resolve("publication-" + page.getFileName().toString().replace(".html", ".png")), png);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot save the screenshot of " + page, ex);
        }
        return (List<Map<String, Object>>) result.get("violations");
    }

    private static WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no internet on the build machines: nothing in the background may try to reach it
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,1000", "--lang=ja",
                "--allow-file-access-from-files",
                "--user-data-dir=" + Files.createTempDirectory(shared, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

}
