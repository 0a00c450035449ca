package jp.nakano.planreview.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.receipts.ExportReceiptCountsTasklet;
import jp.nakano.planreview.review.RunFolder;

/**
 * Sends a run's files: {@code /fy/<yyyy>/runs/<run-id>/files/<name>}, only names the run's manifest lists, from
 * inside the run folder. Staff get the reports and CSV files; the findings and the manifest are for auditors.
 * Every request is written to the access log, sent or not ({@link AccessLogValve}).
 */
@Controller
@Profile(PortalApplication.PROFILE)
class Downloads {

    static final String FINDINGS = "validation-findings.csv";

    private final OutputFolder output;

    Downloads(OutputFolder output) {
        this.output = output;
    }

    /**
     * Sends the whole file, or its headers for HEAD. {@code Range} is not served (no {@code Accept-Ranges}): the
     * files are small, and a whole file is the only answer whose length and bytes are simply right. A refusal
     * is the portal's error page: 404 for anything that names no file, 403 for staff asking for the audit
     * trail, 409 for a file that no longer matches its run's manifest.
     */
    @RequestMapping(path = "/fy/{year}/runs/{runId}/files/{name}", method = { RequestMethod.GET, RequestMethod.HEAD })
    void download(@PathVariable String year, @PathVariable String runId, @PathVariable String name,
            Authentication user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OutputFolder.Run> run = year.matches("\\d{4}") ? output.run(Integer.parseInt(year), runId)
                : Optional.empty();
        Optional<Path> file = run.isEmpty() ? Optional.empty() : output.file(run.get(), name);
        if (file.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (auditorOnly(name) && !isAuditor(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!output.intact(run.get(), name)) {
            // changed since the run wrote it: not the run's result, whoever asks
            throw new ResponseStatusException(HttpStatus.CONFLICT, "differs from the run's manifest");
        }
        long size = Files.size(file.get());
        boolean page = "HTML".equals(kind(name));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(mediaType(name).toString());
        response.setContentLengthLong(size);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "none");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                (page ? ContentDisposition.inline() : ContentDisposition.attachment())
                    .filename(name, StandardCharsets.UTF_8).build().toString());
        if (page) {
            // the HTML edition opens in the browser, as read on the ward's website; the page has no script and
            // may load nothing (its style is inline): the policy keeps it so even if a file were altered
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            response.setHeader("X-Content-Type-Options", "nosniff");
        }
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The findings and the manifest are the audit trail: auditors only. Any other kind of file too. */
    static boolean auditorOnly(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.equals(FINDINGS) || name.equals(RunManifest.FILE_NAME)
                || !(lower.endsWith(".pdf") || lower.endsWith(".xlsx") || lower.endsWith(".csv") || lower.endsWith(".html"));
    }

    /** The files of a run in the order a reader looks for them: the reports, then the tables, then the records. */
    static final List<String> ORDER = List.of("eprocedure-usage.csv", "eprocedure-usage-additions.csv", "kpi-attainment.csv", "kpi-summary.csv", "kpi-series.csv",
            "measure-progress.csv", "measure-summary.csv",
            "eprocedure-utilisation.csv", ExportReceiptCountsTasklet.FILE, "input-files.csv", FINDINGS, RunManifest.FILE_NAME, RunFolder.LOG_FILE);

    /** What a file is, in the words of the report's readers; {@code plans} names the plans of the reports. */
    static String label(String name, Map<String, String> plans) {
        if (name.startsWith("review-") && name.endsWith(".pdf")) {
            return "進行管理報告書 " + plans.getOrDefault(plan(name), plan(name));
        }
        if (name.startsWith("review-") && name.endsWith(".html")) {
            return "進行管理報告書（HTML版） " + plans.getOrDefault(plan(name), plan(name));
        }
        if (name.startsWith("eprocedure-usage-FY") && name.endsWith(".html")) {
            String year = name.substring("eprocedure-usage-FY".length(), name.length() - ".html".length());
            return year.matches("\\d{4}") ? "電子申請の利用状況 " + FiscalYear.of(Integer.parseInt(year)).japanese() : name;
        }
        if (name.startsWith("review-") && name.endsWith(".xlsx")) {
            return "報告書の表 " + plans.getOrDefault(plan(name), plan(name));
        }
        return switch (name) {
            case "kpi-attainment.csv" -> "成果指標の達成状況";
            case "kpi-summary.csv" -> "状況別の集計";
            case "kpi-series.csv" -> "成果指標の推移（グラフの値）";
            case "measure-progress.csv" -> "取組事項の進捗状況";
            case "measure-summary.csv" -> "取組の集計";
            case "eprocedure-utilisation.csv" -> "電子手続利用率";
            case ExportReceiptCountsTasklet.FILE -> "受付ログの集計（電子受付件数・全受付件数）";
            case "eprocedure-usage.csv" -> "電子申請の利用状況（オープンデータ）";
            case "eprocedure-usage-additions.csv" -> "新たに掲載されたシステム・手続（オープンデータ）";
            case "input-files.csv" -> "入力ファイルの一覧";
            case FINDINGS -> "入力データの検証結果";
            case RunManifest.FILE_NAME -> "実行記録";
            case RunFolder.LOG_FILE -> "実行ログ";
            default -> name;
        };
    }

    /**
     * Reports first (PDF, its HTML edition beside it, then Excel), the 電子申請の利用状況 pages, then the CSV files
     * and the records in {@link #ORDER}, then the rest by name.
     */
    static int rank(String name) {
        if (name.startsWith("review-")) {
            return name.endsWith(".pdf") ? 0 : name.endsWith(".html") ? 1 : 2;
        }
        if (name.startsWith("eprocedure-usage-FY") && name.endsWith(".html")) {
            return 3;
        }
        int i = ORDER.indexOf(name);
        return i < 0 ? 100 : 10 + i;
    }

    private static String plan(String name) {
        String[] parts = name.split("-");
        return parts.length >= 3 ? parts[1] : "";
    }

    static String kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "PDF";
        }
        if (lower.endsWith(".xlsx")) {
            return "Excel";
        }
        if (lower.endsWith(".csv")) {
            return "CSV";
        }
        if (lower.endsWith(".html")) {
            return "HTML";
        }
        return lower.endsWith(".json") ? "JSON" : "";
    }

    private static boolean isAuditor(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> Role.AUDITOR_AUTHORITY.equals(a.getAuthority()));
    }

    private static MediaType mediaType(String name) {
        return switch (kind(name)) {
            case "PDF" -> MediaType.APPLICATION_PDF;
            case "Excel" -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case "CSV" -> MediaType.parseMediaType("text/csv; charset=UTF-8");
            case "JSON" -> MediaType.APPLICATION_JSON;
            case "HTML" -> MediaType.parseMediaType("text/html; charset=UTF-8");
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }

}
