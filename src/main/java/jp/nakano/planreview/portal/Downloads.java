package jp.nakano.planreview.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;

import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.review.RunFolder;

/**
 * Sends a run's files: {@code /fy/<yyyy>/runs/<run-id>/files/<name>}, only names the run's manifest lists, from
 * inside the run folder. Staff get the reports and CSV files; the findings and the manifest are for auditors.
 * Every request is written to the access log, sent or not.
 */
@Controller
@Profile(PortalApplication.PROFILE)
class Downloads {

    static final String FINDINGS = "validation-findings.csv";

    private final OutputFolder output;

    private final AccessLog accessLog;

    Downloads(OutputFolder output, AccessLog accessLog) {
        this.output = output;
        this.accessLog = accessLog;
    }

    @GetMapping("/fy/{year}/runs/{runId}/files/{name}")
    ResponseEntity<Resource> download(@PathVariable String year, @PathVariable String runId,
            @PathVariable String name, Authentication user, HttpServletRequest request) throws IOException {
        String what = "FY" + year + "/" + runId + "/" + name;
        Optional<Path> file = Optional.empty();
        if (year.matches("\\d{4}")) {
            Optional<OutputFolder.Run> run = output.run(Integer.parseInt(year), runId);
            if (run.isPresent()) {
                file = output.file(run.get(), name);
            }
        }
        if (file.isEmpty()) {
            accessLog.download(user, request.getRemoteAddr(), what, 404, 0);
            return ResponseEntity.notFound().build();
        }
        if (auditorOnly(name) && !isAuditor(user)) {
            accessLog.download(user, request.getRemoteAddr(), what, 403, 0);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        long size = Files.size(file.get());
        accessLog.download(user, request.getRemoteAddr(), what, 200, size);
        return ResponseEntity.ok()
            .contentType(mediaType(name))
            .contentLength(size)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
            .body(new FileSystemResource(file.get()));
    }

    /** The findings and the manifest are the audit trail: auditors only. Any other kind of file too. */
    static boolean auditorOnly(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.equals(FINDINGS) || name.equals(RunManifest.FILE_NAME)
                || !(lower.endsWith(".pdf") || lower.endsWith(".xlsx") || lower.endsWith(".csv"));
    }

    /** The files of a run in the order a reader looks for them: the reports, then the tables, then the records. */
    static final List<String> ORDER = List.of("kpi-attainment.csv", "kpi-summary.csv", "kpi-series.csv",
            "measure-progress.csv", "measure-summary.csv",
            "eprocedure-utilisation.csv", "input-files.csv", FINDINGS, RunManifest.FILE_NAME, RunFolder.LOG_FILE);

    /** What a file is, in the words of the report's readers; {@code plans} names the plans of the reports. */
    static String label(String name, Map<String, String> plans) {
        if (name.startsWith("review-") && name.endsWith(".pdf")) {
            return "進行管理報告書 " + plans.getOrDefault(plan(name), plan(name));
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
            case "input-files.csv" -> "入力ファイルの一覧";
            case FINDINGS -> "入力データの検証結果";
            case RunManifest.FILE_NAME -> "実行記録";
            case RunFolder.LOG_FILE -> "実行ログ";
            default -> name;
        };
    }

    /** Reports first (PDF before Excel), then the CSV files and the records in {@link #ORDER}, then the rest by name. */
    static int rank(String name) {
        if (name.startsWith("review-")) {
            return name.endsWith(".pdf") ? 0 : 1;
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
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }

}
