package jp.nakano.planreview.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import jp.nakano.planreview.command.CommandFixture;
import jp.nakano.planreview.command.ServeCommand;

/**
 * The portal in a real browser (headless Chromium from Debian's chromium and chromium-driver): log-in as each
 * role, a PDF downloaded byte for byte, a refused role, refused crafted paths, and a screenshot of every page in
 * {@code target/screenshots/}. The class runs the review once on the bundled data and serves its output folder.
 * Without the browser the tests are skipped, unless {@code PLAN_REVIEW_REQUIRE_BROWSER=true} (CI) fails them.
 */
class PortalBrowserTests {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));

    private static final Path CHROMEDRIVER = Path.of(
            System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static final String PASSWORD = "correct horse battery staple";

    private static final String PDF = "review-chiiki2-FY2022.pdf";

    @TempDir
    private static Path shared;

    private static ConfigurableApplicationContext portal;

    private static String base;

    private static String runId;

    private static Path runFolder;

    private static Path dataDir;

    private WebDriver browser;

    @BeforeAll
    static void runTheReviewAndServeItsOutput() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "headless Chromium needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver; .ci/run installs them)";
        if (!present && "true".equals(System.getenv("PLAN_REVIEW_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("PLAN_REVIEW_REQUIRE_BROWSER=true but " + why);
        }
        Assumptions.assumeTrue(present, why);
        Path output = shared.resolve("out");
        dataDir = shared.resolve("data");
        int exit = CommandFixture.run(shared, "--output=" + output);
        assertThat(exit).isZero();
        runId = Files.readString(output.resolve("FY2022/latest")).strip();
        runFolder = output.resolve("FY2022").resolve(runId);
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        portal = ServeCommand.application().run("serve", "--output=" + output, "--server.port=0",
                "--plan-review.data-dir=" + dataDir, "--logging.config=classpath:logback-spring.xml",
                "--plan-review.portal.users[0].name=hanako", "--plan-review.portal.users[0].password-hash=" + hash,
                "--plan-review.portal.users[0].roles=STAFF", "--plan-review.portal.users[1].name=taro",
                "--plan-review.portal.users[1].password-hash=" + hash, "--plan-review.portal.users[1].roles=AUDITOR");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) portal).getWebServer().getPort();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopThePortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldLetStaffSeeTheRunsAndTheKpisButNotTheAuditTrail() {
        logIn("hanako", "01-login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("年度の一覧");
        assertThat(browser.findElement(By.cssSelector("header .role")).getText()).isEqualTo("職員");
        screenshot("02-years-staff");

        browser.findElement(By.linkText("実行一覧")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "FY2022 の実行一覧"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("FY2022 の実行一覧");
        List<String> files = browser.findElements(By.cssSelector("ul.files a")).stream()
            .map(a -> a.getAttribute("href").replaceAll(".*/", "")).toList();
        assertThat(files).startsWith(PDF).contains("kpi-attainment.csv", "review-chiiki2-FY2022.xlsx")
            .doesNotContain("manifest.json", "validation-findings.csv");
        assertThat(browser.findElement(By.cssSelector("ul.files a")).getText()).isEqualTo("進行管理報告書 第2次中野区地域情報化推進計画");
        assertThat(browser.findElements(By.cssSelector("table.runs td a code"))).as("no link to the run page").isEmpty();
        assertThat(browser.findElement(By.cssSelector("tr.latest .badge")).getText()).isEqualTo("最新");
        screenshot("03-runs-staff");

        browser.get(base + "/fy/2022/runs/" + runId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("このページを見る権限がありません");
        assertThat(browser.getPageSource()).doesNotContain("Exception", "at jp.", "validation-findings");
        screenshot("04-forbidden-staff");
    }

    @Test
    void shouldDownloadTheSamePdfBytesAsTheFileOnDiskAndRecordIt() throws Exception {
        logIn("hanako", null);
        browser.get(base + "/fy/2022");
        String href = browser.findElement(By.cssSelector("ul.files a[href$='/" + PDF + "']")).getAttribute("href");

        HttpResponse<byte[]> response = get(href, session());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(runFolder.resolve(PDF)));
        String recorded = "download=FY2022/" + runId + "/" + PDF;
        // the server writes the line once the response is complete, which can be just after the client has it all
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (Files.readAllLines(dataDir.resolve("logs/portal-access.log"), StandardCharsets.UTF_8).stream()
            .noneMatch(line -> line.contains(recorded)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readAllLines(dataDir.resolve("logs/portal-access.log"), StandardCharsets.UTF_8))
            .anySatisfy(line -> assertThat(line).contains("user=hanako", "roles=STAFF", recorded, "status=200",
                    "bytes=" + Files.size(runFolder.resolve(PDF))));
    }

    @Test
    void shouldOpenTheHtmlEditionBesideThePdfInTheBrowser() throws Exception {
        logIn("hanako", null);
        browser.get(base + "/fy/2022");
        List<String> files = browser.findElements(By.cssSelector("ul.files a")).stream()
            .map(a -> a.getAttribute("href").replaceAll(".*/", "")).toList();
        // the HTML edition right after its PDF, the ward's yearly pages and the open data for staff too
        assertThat(files).containsSubsequence(PDF, "review-chiiki2-FY2022.html", "review-chiiki2-FY2022.xlsx")
            .contains("eprocedure-usage-FY2022.html", "eprocedure-usage.csv");
        String href = browser.findElement(By.cssSelector("ul.files a[href$='/review-chiiki2-FY2022.html']")).getAttribute("href");
        assertThat(browser.findElement(By.cssSelector("ul.files a[href$='/eprocedure-usage-FY2021.html']")).getText())
            .isEqualTo("電子申請の利用状況 令和3年度");

        HttpResponse<byte[]> response = get(href, session());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(runFolder.resolve("review-chiiki2-FY2022.html")));

        browser.get(href);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("第2次中野区地域情報化推進計画");
        assertThat(browser.findElements(By.cssSelector("table caption"))).hasSizeGreaterThan(5);
        screenshot("11-html-edition");

        browser.get(base + "/fy/2022/kpi");
        assertThat(browser.findElements(By.linkText("HTML"))).isNotEmpty();
    }

    @Test
    void shouldShowAuditorsTheRunWithItsStepsFindingsAndVerification() {
        logIn("taro", null);
        assertThat(browser.findElement(By.cssSelector("header .role")).getText()).isEqualTo("監査担当");
        browser.get(base + "/fy/2022");
        screenshot("05-runs-auditor");
        browser.findElement(By.cssSelector("table.runs td a code")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verify .notice")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("実行の詳細", runId);
        assertThat(browser.findElement(By.cssSelector("#verify .notice.ok")).getText()).startsWith("一致");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("loadEprocedureFiguresStep", "eprocedure-figures.csv", "警告", "manifest.json",
                "validation-findings.csv");
        screenshot("06-run-auditor");
    }

    @Test
    void shouldSortTheKpiOverviewByProgressOnTheServer() {
        logIn("hanako", null);
        browser.get(base + "/fy/2022/kpi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("FY2022 成果指標の状況");
        // the figures as the PDF prints them: the card rate behind plan, online applications on track
        String table = browser.findElement(By.cssSelector("table.kpi")).getText();
        assertThat(table).contains("第2次中野区地域情報化推進計画").contains("区内のマイナンバーカード交付率").contains("62.3%").contains("77.2%").contains("44.9%")
            .contains("1,793,615件").contains("1,620,354件").contains("61.7%").contains("実績未公表");
        screenshot("07-kpi");
        // the 取組 of the 2nd plan: 110 items, none reported in input/: 93 are the ward's and planned this year (報告なし)
        String measures = browser.findElement(By.cssSelector("#measures table.measures")).getText();
        assertThat(measures).contains("第2次中野区地域情報化推進計画 110 0 0 0 0 0 93 16 1 評価できない");

        browser.findElement(By.partialLinkText("進捗率")).click();
        waitFor(ExpectedConditions.urlContains("sort=progress"));

        assertThat(browser.getCurrentUrl()).contains("sort=progress", "dir=desc");
        List<Double> progress = browser.findElements(By.cssSelector("table.kpi tbody tr td:nth-child(6)")).stream()
            .map(WebElement::getText).filter(t -> t.endsWith("%"))
            .map(t -> Double.parseDouble(t.replace("%", ""))).toList();
        // FY2022 on the bundled data: two KPIs have a progress, the others are 未評価 and stay below them
        assertThat(progress).hasSizeGreaterThanOrEqualTo(2).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(browser.findElements(By.linkText("PDF"))).isNotEmpty();
        screenshot("08-kpi-by-progress");
    }

    @Test
    void shouldRefuseCraftedPathsWithNotFoundAndNeverAFile() throws Exception {
        logIn("taro", null);
        Cookie session = session();
        String run = "/fy/2022/runs/" + runId + "/files/";
        for (String path : List.of(run + "..%2F..%2Flatest", run + "..%2f" + runId + "%2fmanifest.json",
                run + "%2Fetc%2Fpasswd", run + "..%5C..%5Clatest", "/fy/2022/runs/" + runId + "/../latest",
                run + "%2e%2e", "/fy/2022/runs/20991231-235959-99/files/" + PDF, "/fy/2022/runs/latest/files/" + PDF,
                "/fy/..%2F2022/runs/" + runId + "/files/" + PDF, run + "not-listed.pdf", run + "..")) {
            HttpResponse<byte[]> response = get(base + path, session);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(body).as(path).doesNotContain("%PDF", "root:", runId + "\n", "Exception");
        }
        browser.get(base + run + "..%2F..%2Flatest");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ページまたはファイルが見つかりません");
        screenshot("09-not-found");
    }

    @Test
    void shouldRefuseTheAuditTrailFilesToStaff() throws Exception {
        logIn("hanako", null);
        for (String name : List.of("manifest.json", "validation-findings.csv")) {
            HttpResponse<byte[]> response = get(base + "/fy/2022/runs/" + runId + "/files/" + name, session());
            assertThat(response.statusCode()).as(name).isEqualTo(403);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("\"runId\"", "severity");
        }
    }

    @Test
    void shouldRefuseAWrongPasswordAndAFormWithoutCsrfToken() throws Exception {
        browser = browser();
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("hanako");
        browser.findElement(By.id("password")).sendKeys("wrong password");
        browser.findElement(By.id("login")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.error")));
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).contains("パスワードが違います");
        screenshot("10-login-failed");

        HttpResponse<byte[]> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=hanako&password=" + PASSWORD.replace(' ', '+')))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldKeepTheSessionCookieFromScriptsAndOtherSites() {
        logIn("hanako", null);
        Cookie cookie = session();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
    }

    private void logIn(String user, String screenshot) {
        browser = browser();
        browser.get(base + "/login");
        if (screenshot != null) {
            screenshot(screenshot);
        }
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        WebElement name = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .user span")));
        assertThat(name.getText()).isEqualTo(user);
    }

    /** A click returns before the next page has loaded: waits for it (a busy CI machine is slow). */
    private <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> arrived) {
        return new WebDriverWait(browser, java.time.Duration.ofSeconds(30)).until(arrived);
    }

    private Cookie session() {
        Cookie cookie = browser.manage().getCookieNamed("PLANREVIEWSESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    /** A request outside the browser with its session: a download's bytes, or a status the browser hides. */
    private static HttpResponse<byte[]> get(String url, Cookie session) throws IOException, InterruptedException {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
            .send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", session.getName() + "=" + session.getValue())
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void screenshot(String name) {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot save screenshot " + name, ex);
        }
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no internet on the build machines: nothing in the background may try to reach it
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1400,1000", "--lang=ja",
                "--user-data-dir=" + tempDir("chromium-profile").toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .build();
        return new ChromeDriver(service, options);
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(shared, prefix);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
