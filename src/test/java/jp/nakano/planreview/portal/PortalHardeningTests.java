package jp.nakano.planreview.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import jp.nakano.planreview.audit.ManifestFile;
import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.command.CommandFixture;
import jp.nakano.planreview.command.ServeCommand;
import jp.nakano.planreview.receipts.ExportReceiptCountsTasklet;

/**
 * The portal as a hostile user meets it, over plain HTTP (no browser needed): files changed after the run,
 * damaged files, what the access log records, ranges, password guessing, links in the output folder and the
 * answers to errors. One review of the bundled data is served by the class; a copy of its run folder, as an
 * older run of the same year, is the one the tests damage.
 */
class PortalHardeningTests {

    private static final String PASSWORD = "correct horse battery staple";

    private static final String PDF = "review-chiiki2-FY2022.pdf";

    /** The damaged copy: an older run id, so that latest stays on the real run. */
    private static final String DAMAGED = "20200101-000000-1-0d0d0d";

    /** A copy of the run that also has receipt-counts.csv, as a run whose input had receipt logs: an older run id. */
    private static final String RECEIPTS_RUN = "20200102-000000-1-0e0e0e";

    /** A run with a finding on each of 1,200 rows. */
    private static final String MANY_FINDINGS_RUN = "20200103-000000-1-0d0d0d";

    /** A run folder outside the output folder that links lead to. */
    private static final String LINKED_RUN = "20190101-000000-1-111111";

    @TempDir
    private static Path shared;

    private static ConfigurableApplicationContext portal;

    private static String base;

    private static String runId;

    private static Path output;

    private static Path dataDir;

    @BeforeAll
    static void runTheReviewAndServeItsOutput() throws Exception {
        output = shared.resolve("out");
        dataDir = shared.resolve("data");
        assertThat(CommandFixture.run(shared, "--output=" + output, "--fiscal-year=2022", "--plan=chiiki2")).isZero();
        runId = Files.readString(output.resolve("FY2022/latest")).strip();
        Path damaged = Files.createDirectories(output.resolve("FY2022").resolve(DAMAGED));
        try (Stream<Path> files = Files.list(output.resolve("FY2022").resolve(runId))) {
            for (Path file : files.toList()) {
                Files.copy(file, damaged.resolve(file.getFileName()));
            }
        }
        // findings the CSV reader cannot parse, recorded as they are: the page once answered 500
        Files.writeString(damaged.resolve("validation-findings.csv"), "severity,code\n\"ERROR,unterminated\n");
        ManifestFile.write(damaged, ManifestFile.read(damaged));
        // then the report is changed after the run, same size
        byte[] pdf = Files.readAllBytes(damaged.resolve(PDF));
        pdf[pdf.length / 2] ^= 0x20;
        Files.write(damaged.resolve(PDF), pdf);

        // the same run as one with receipt logs would publish it: receipt-counts.csv beside the others, in the manifest
        Path withReceipts = Files.createDirectories(output.resolve("FY2022").resolve(RECEIPTS_RUN));
        try (Stream<Path> files = Files.list(output.resolve("FY2022").resolve(runId))) {
            for (Path file : files.toList()) {
                Files.copy(file, withReceipts.resolve(file.getFileName()));
            }
        }
        Files.writeString(withReceipts.resolve(ExportReceiptCountsTasklet.FILE), "\uFEFFfiscal_year,scope,row_id,name,month,"
                + "online_receipts,counter_receipts,mail_receipts,other_receipts,total_receipts,entered_online_receipts,"
                + "entered_total_receipts\r\n2022,ward,,区全体,,1045,25,0,0,1070,,\r\n", StandardCharsets.UTF_8);
        ManifestFile.write(withReceipts, ManifestFile.read(withReceipts));

        // the same run with 1,200 findings
        Path many = Files.createDirectories(output.resolve("FY2022").resolve(MANY_FINDINGS_RUN));
        try (Stream<Path> files = Files.list(output.resolve("FY2022").resolve(runId))) {
            for (Path file : files.toList()) {
                Files.copy(file, many.resolve(file.getFileName()));
            }
        }
        StringBuilder findings = new StringBuilder(Files.readAllLines(many.resolve("validation-findings.csv"),
                StandardCharsets.UTF_8).get(0)).append("\r\n");
        for (int i = 1; i <= 1_200; i++) {
            findings.append("WARNING,eprocedure.rate-differs,eprocedure-figures.csv,").append(i + 1)
                .append(",published_rate,40,finding number ").append(i).append(",\r\n");
        }
        Files.writeString(many.resolve("validation-findings.csv"), findings, StandardCharsets.UTF_8);
        ManifestFile.write(many, ManifestFile.read(many));

        // links planted in the output folder, leading out of it: a year and a run
        Path outside = Files.createDirectories(shared.resolve("elsewhere"));
        Path foreignRun = Files.createDirectories(outside.resolve("FY2019").resolve(LINKED_RUN));
        Files.copy(damaged.resolve("manifest.json"), foreignRun.resolve("manifest.json"));
        Files.copy(damaged.resolve("kpi-summary.csv"), foreignRun.resolve("kpi-summary.csv"));
        Files.createSymbolicLink(output.resolve("FY2019"), outside.resolve("FY2019"));
        Files.writeString(outside.resolve("FY2019/latest"), LINKED_RUN + "\n");
        Files.createSymbolicLink(output.resolve("FY2022").resolve(LINKED_RUN), foreignRun);

        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        portal = ServeCommand.application().run("serve", "--output=" + output, "--server.port=0",
                "--plan-review.data-dir=" + dataDir, "--logging.config=classpath:logback-spring.xml",
                "--plan-review.portal.users[0].name=hanako", "--plan-review.portal.users[0].password-hash=" + hash,
                "--plan-review.portal.users[0].roles=STAFF", "--plan-review.portal.users[1].name=taro",
                "--plan-review.portal.users[1].password-hash=" + hash, "--plan-review.portal.users[1].roles=AUDITOR",
                // the user whose password is guessed
                "--plan-review.portal.users[2].name=jiro", "--plan-review.portal.users[2].password-hash=" + hash,
                "--plan-review.portal.users[2].roles=STAFF");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) portal).getWebServer().getPort();
    }

    @AfterAll
    static void stopThePortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void shouldRefuseAReportChangedAfterTheRunAndMarkItInTheList() throws Exception {
        HttpClient staff = logIn("hanako");

        HttpResponse<String> download = get(staff, "/fy/2022/runs/" + DAMAGED + "/files/" + PDF);
        HttpResponse<String> list = get(staff, "/fy/2022");
        HttpResponse<String> good = get(staff, "/fy/2022/runs/" + runId + "/files/" + PDF);

        assertThat(download.statusCode()).isEqualTo(409);
        assertThat(download.body()).contains("このファイルは実行時の記録と一致しません").doesNotContain("%PDF");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(list.statusCode()).isEqualTo(200);
        // the damaged run's PDF is shown, marked and without a link; the intact run's is offered
        assertThat(list.body()).contains("実行時の記録と一致しません（ダウンロードできません）")
            .doesNotContain("/fy/2022/runs/" + DAMAGED + "/files/" + PDF)
            .contains("/fy/2022/runs/" + runId + "/files/" + PDF);
        awaitLogLine("user=hanako roles=STAFF from=127.0.0.1 method=GET download=FY2022/" + DAMAGED + "/" + PDF
                + " status=409");
    }

    @Test
    void shouldShowTheRunPageOfARunWithAnUnreadableFindingsFile() throws Exception {
        HttpClient auditor = logIn("taro");

        HttpResponse<String> page = get(auditor, "/fy/2022/runs/" + DAMAGED);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("validation-findings.csv を読めません").contains("不一致：1 個のファイル")
            .contains(PDF).doesNotContain("Exception:");
    }

    @Test
    void shouldRecordEveryLogInWithTheNameTriedAndTheAddress() throws Exception {
        HttpResponse<String> wrong = logInAttempt(client(), "hanako", "not the password");
        logIn("taro");

        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        awaitLogLine("login=failure user=hanako from=127.0.0.1 reason=BadCredentialsException");
        awaitLogLine("login=success user=taro from=127.0.0.1 roles=AUDITOR");
    }

    @Test
    void shouldRecordAnonymousAttemptsOtherMethodsAndRequestsTomcatRefuses() throws Exception {
        String pdf = "/fy/2022/runs/" + runId + "/files/" + PDF;
        HttpResponse<String> anonymous = get(client(), pdf);
        HttpClient staff = logIn("hanako");
        HttpResponse<String> post = staff.send(HttpRequest.newBuilder(URI.create(base + pdf))
            .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        String refused = raw("GET /fy/2022/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(refused).startsWith("HTTP/1.1 400");
        awaitLogLine("user=- roles=- from=127.0.0.1 method=GET download=FY2022/" + runId + "/" + PDF
                + " status=302 bytes=0");
        awaitLogLine("user=hanako roles=STAFF from=127.0.0.1 method=POST download=FY2022/" + runId + "/" + PDF
                + " status=403");
        awaitLogLine("method=GET path=/fy/2022/%ZZ status=400");
    }

    /** A Range or HEAD request was logged as status=200 with the file's size, whatever was sent. */
    @Test
    void shouldLogWhatWasActuallySentForHeadAndRangeRequests() throws Exception {
        HttpClient staff = logIn("hanako");
        String pdf = "/fy/2022/runs/" + runId + "/files/" + PDF;
        long size = Files.size(output.resolve("FY2022").resolve(runId).resolve(PDF));

        HttpResponse<String> head = staff.send(HttpRequest.newBuilder(URI.create(base + pdf))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(size);
        awaitLogLine("user=hanako roles=STAFF from=127.0.0.1 method=HEAD download=FY2022/" + runId + "/" + PDF
                + " status=200 bytes=0");
    }

    /**
     * A multi-range request once got the whole file's Content-Length with a 365-byte multipart body, and a 416
     * the same wrong length. Ranges are not served: every answer is the whole file, its length right.
     */
    @Test
    void shouldAnswerRangeRequestsWithTheWholeFileAndItsTrueLength() throws Exception {
        HttpClient staff = logIn("hanako");
        String pdf = "/fy/2022/runs/" + runId + "/files/" + PDF;
        byte[] onDisk = Files.readAllBytes(output.resolve("FY2022").resolve(runId).resolve(PDF));

        for (String range : List.of("bytes=0-0,1-1,2-2", "bytes=0-9", "bytes=999999999-", "bytes=junk")) {
            HttpResponse<byte[]> answer = staff.send(HttpRequest.newBuilder(URI.create(base + pdf)).header("Range", range)
                .build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(answer.statusCode()).as(range).isEqualTo(200);
            assertThat(answer.headers().firstValueAsLong("Content-Length")).as(range).hasValue(onDisk.length);
            assertThat(answer.headers().firstValue("Accept-Ranges")).as(range).hasValue("none");
            assertThat(answer.body()).as(range).isEqualTo(onDisk);
        }
        awaitLogLine("method=GET download=FY2022/" + runId + "/" + PDF + " status=200 bytes=" + onDisk.length);
    }

    /** Twenty wrong passwords in a row were each answered at once, with no delay and no lock. */
    @Test
    void shouldLockAUserAfterFiveWrongPasswordsEvenForTheRightOneAndRecordIt() throws Exception {
        for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
            HttpResponse<String> wrong = logInAttempt(client(), "jiro", "guess " + i);
            assertThat(wrong.headers().firstValue("Location").orElse("")).as("attempt " + i).endsWith("/login?error");
        }

        HttpClient client = client();
        HttpResponse<String> right = logInAttempt(client, "jiro", PASSWORD);
        HttpResponse<String> page = get(client, "/login?locked");
        HttpResponse<String> home = get(client, "/");

        assertThat(right.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
        assertThat(home.statusCode()).as("not logged in").isEqualTo(302);
        assertThat(page.body()).contains("ログインを一時的に制限しています");
        awaitLogLine("login=locked user=jiro from=127.0.0.1 until=");
        // the others are not locked out by it
        logIn("hanako");
    }

    /**
     * A year folder linked to a place outside the output folder was followed and shown; a linked run folder was
     * listed as 完了 and then answered 404. Links that leave the output folder are now ignored everywhere.
     */
    @Test
    void shouldListTheReceiptCountsInJapaneseAfterTheUtilisationWhenTheRunHasThem() throws Exception {
        HttpClient staff = logIn("hanako");

        HttpResponse<String> list = get(staff, "/fy/2022");
        HttpResponse<String> download = get(staff, "/fy/2022/runs/" + RECEIPTS_RUN + "/files/" + ExportReceiptCountsTasklet.FILE);

        assertThat(list.statusCode()).isEqualTo(200);
        String withReceipts = runRow(list.body(), RECEIPTS_RUN);
        String link = "<a href=\"/fy/2022/runs/" + RECEIPTS_RUN + "/files/" + ExportReceiptCountsTasklet.FILE + "\">"
                + "受付ログの集計（電子受付件数・全受付件数）</a>";
        assertThat(withReceipts).contains(link).contains("CSV 1 KB ・ " + ExportReceiptCountsTasklet.FILE);
        // with the tables: after 電子手続利用率, before the list of input files
        assertThat(withReceipts.indexOf("電子手続利用率</a>")).isPositive().isLessThan(withReceipts.indexOf(link));
        assertThat(withReceipts.indexOf(link)).isLessThan(withReceipts.indexOf("入力ファイルの一覧</a>"));
        // a run without receipt logs has no such file, and none is listed
        assertThat(runRow(list.body(), runId)).contains("電子手続利用率</a>").doesNotContain(ExportReceiptCountsTasklet.FILE)
            .doesNotContain("受付ログの集計");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(download.body()).isEqualTo(Files.readString(output.resolve("FY2022").resolve(RECEIPTS_RUN)
            .resolve(ExportReceiptCountsTasklet.FILE), StandardCharsets.UTF_8));
    }

    @Test
    void shouldShowTheFirstThousandFindingsOfARunAndHowManyThereAre() throws Exception {
        HttpClient auditor = logIn("taro");

        HttpResponse<String> page = get(auditor, "/fy/2022/runs/" + MANY_FINDINGS_RUN);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("（1,200 件）")
            .contains("全 1,200 件のうち先頭 1,000 件のみ。全件は validation-findings.csv を参照（上の「ファイル」から）。")
            .contains("finding number 1000<").doesNotContain("finding number 1001<");
    }

    /** The table row of one run on the runs page. */
    private static String runRow(String page, String run) {
        int at = page.indexOf("<code>" + run + "</code>");
        assertThat(at).as(run + " on the page").isPositive();
        int end = page.indexOf("</tr>", at);
        return page.substring(at, end);
    }

    @Test
    void shouldIgnoreLinksThatLeaveTheOutputFolderEverywhere() throws Exception {
        HttpClient auditor = logIn("taro");

        HttpResponse<String> years = get(auditor, "/");
        HttpResponse<String> linkedYear = get(auditor, "/fy/2019");
        HttpResponse<String> linkedYearKpis = get(auditor, "/fy/2019/kpi");
        HttpResponse<String> runs = get(auditor, "/fy/2022");
        HttpResponse<String> runPage = get(auditor, "/fy/2022/runs/" + LINKED_RUN);
        HttpResponse<String> download = get(auditor, "/fy/2022/runs/" + LINKED_RUN + "/files/kpi-summary.csv");
        HttpResponse<String> viaYear = get(auditor, "/fy/2019/runs/" + LINKED_RUN + "/files/kpi-summary.csv");

        assertThat(years.statusCode()).isEqualTo(200);
        assertThat(years.body()).contains("FY2022").doesNotContain("FY2019");
        assertThat(linkedYear.statusCode()).isEqualTo(404);
        assertThat(linkedYearKpis.statusCode()).isEqualTo(404);
        assertThat(runs.body()).contains(runId).doesNotContain(LINKED_RUN);
        assertThat(runPage.statusCode()).isEqualTo(404);
        assertThat(download.statusCode()).isEqualTo(404);
        assertThat(viaYear.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldSendASecurityPolicyAndJapaneseAsTheLanguageOfEveryPage() throws Exception {
        HttpClient staff = logIn("hanako");

        for (String path : List.of("/", "/fy/2022", "/fy/2022/kpi", "/login", "/fy/2099")) {
            HttpResponse<String> page = staff.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html").header("Accept-Language", "en-US,en;q=0.9").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                .hasValue(PortalSecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("Content-Language")).as(path).hasValue("ja");
        }
    }

    @Test
    void shouldAnswerEveryRefusalWithAJapanesePage() throws Exception {
        HttpClient staff = logIn("hanako");

        HttpResponse<String> forbidden = get(staff, "/fy/2022/runs/" + runId + "/files/manifest.json");
        HttpResponse<String> missing = get(staff, "/fy/2022/runs/" + runId + "/files/not-listed.pdf");
        HttpResponse<String> error = get(staff, "/error");
        String tomcat = raw("GET /fy/2022/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("このページを見る権限がありません").doesNotContain("\"runId\"");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("ページまたはファイルが見つかりません");
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).contains("ページまたはファイルが見つかりません").doesNotContain("999");
        assertThat(tomcat).startsWith("HTTP/1.1 400").contains("要求を処理できません").contains("lang=\"ja\"")
            .doesNotContain("Bad Request", "HTTP Status", "Tomcat");
    }

    // ---------------------------------------------------------------- helpers

    /** A client with its own cookies, logged in through the form with its CSRF token. */
    static HttpClient logIn(String user) throws Exception {
        HttpClient client = client();
        HttpResponse<String> answer = logInAttempt(client, user, PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> logInAttempt(HttpClient client, String user, String password) throws Exception {
        HttpResponse<String> form = get(client, "/login");
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        return client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        // as a browser asks: for a page
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,*/*;q=0.8")
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> accessLog() throws IOException {
        return Files.readAllLines(dataDir.resolve("logs/portal-access.log"), StandardCharsets.UTF_8);
    }

    /** Waits for the access log line that contains {@code text}: it is written once the answer has been sent. */
    static String awaitLogLine(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (String line : accessLog()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line with '" + text + "' in the access log:\n" + String.join("\n", accessLog()));
            }
            Thread.sleep(50);
        }
    }

    /** A request as raw bytes, for what an HTTP client library refuses to send; the whole answer. */
    static String raw(String request) throws IOException {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static RunManifest manifest() throws Exception {
        return ManifestFile.read(output.resolve("FY2022").resolve(runId));
    }

}
