package jp.nakano.planreview.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;

import com.lowagie.text.pdf.PdfReader;

import jp.nakano.planreview.common.Checksums;

/**
 * The input fingerprint a report carries in its document properties ({@code Keywords}: {@code input-sha256:<hex>},
 * the value the PDF's cover prints): one SHA-256 over every input file's name and SHA-256. A run publishes only
 * reports that carry its own inputs' fingerprint, and {@code verify} checks it again, so a report of another run
 * cannot pass as this run's even when the manifest lists its bytes.
 */
public final class ReportFingerprint {

    /** How the fingerprint is written in a report's keywords. */
    public static final String PREFIX = "input-sha256:";

    private ReportFingerprint() {
    }

    /** The fingerprint of a run's inputs, file name to SHA-256: sorted in Java, so no database collation changes it. */
    public static String of(Map<String, String> sha256ByFile) {
        List<String> lines = sha256ByFile.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "\n")
            .sorted().toList();
        return Checksums.sha256(String.join("", lines));
    }

    /** The fingerprint of the inputs a manifest lists. */
    public static String of(RunManifest manifest) {
        Map<String, String> files = new java.util.HashMap<>();
        manifest.inputFiles().forEach(f -> files.put(f.path(), f.sha256()));
        return of(files);
    }

    /** The keywords a report is written with. */
    public static String keywords(String fingerprint) {
        return PREFIX + fingerprint;
    }

    /** Whether a run-folder file is a report that carries a fingerprint: {@code review-*.pdf} and {@code .xlsx}. */
    public static boolean isReport(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return !path.contains("/") && lower.startsWith("review-") && (lower.endsWith(".pdf") || lower.endsWith(".xlsx"));
    }

    /** The fingerprint a report carries, or empty when it carries none (a report written before they did). */
    public static Optional<String> read(Path report) throws IOException {
        String keywords;
        String name = report.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            PdfReader pdf = new PdfReader(Files.readAllBytes(report));
            try {
                keywords = pdf.getInfo().get("Keywords");
            }
            finally {
                pdf.close();
            }
        }
        else {
            try (OPCPackage xlsx = OPCPackage.open(report.toFile(), PackageAccess.READ)) {
                keywords = xlsx.getPackageProperties().getKeywordsProperty().orElse(null);
            }
            catch (InvalidFormatException ex) {
                throw new IOException(report + " is not a workbook: " + ex.getMessage(), ex);
            }
        }
        if (keywords == null) {
            return Optional.empty();
        }
        for (String word : keywords.split("[\\s,;]+")) {
            if (word.startsWith(PREFIX)) {
                return Optional.of(word.substring(PREFIX.length()));
            }
        }
        return Optional.empty();
    }

    /**
     * The reports of a folder that do not carry {@code expected}, each with what it carries; empty when all do.
     *
     * @param required whether a report without a fingerprint is a problem (when publishing) or not checkable
     *        (a folder published before reports carried one)
     */
    public static List<String> mismatches(Path folder, List<String> files, String expected, boolean required)
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (String path : files) {
            if (!isReport(path) || !Files.isRegularFile(folder.resolve(path))) {
                continue;
            }
            Optional<String> carried;
            try {
                carried = read(folder.resolve(path));
            }
            catch (IOException | RuntimeException ex) {
                if (required) {
                    problems.add(path + ": its input fingerprint cannot be read (" + ex.getMessage() + ")");
                }
                continue;
            }
            if (carried.isEmpty() && required) {
                problems.add(path + ": carries no input fingerprint; the run's inputs give " + expected);
            }
            else if (carried.isPresent() && !carried.get().equals(expected)) {
                problems.add(path + ": made from other inputs (input fingerprint " + carried.get()
                        + "); this run's inputs give " + expected);
            }
        }
        return problems;
    }

}
