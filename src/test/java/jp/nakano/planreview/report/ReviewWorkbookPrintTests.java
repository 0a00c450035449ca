package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.review.ReviewRun;
import jp.nakano.planreview.review.ReviewRuns;

/**
 * Prints the 2nd plan's FY2022 workbook with a real spreadsheet application (LibreOffice Calc, headless, to PDF)
 * and reads the print back: A4 landscape, few pages, every sheet one page wide with its whole header.
 *
 * <p>Without LibreOffice the tests are skipped, unless {@code PLAN_REVIEW_REQUIRE_LIBREOFFICE=true} (as in
 * {@code .ci/run}) fails them. LibreOffice starts once for the class, with a profile of its own so that it does
 * not meet another LibreOffice running on the machine.
 */
@SpringBootTest
class ReviewWorkbookPrintTests {

    private static final boolean REQUIRED = "true".equalsIgnoreCase(System.getenv("PLAN_REVIEW_REQUIRE_LIBREOFFICE"));

    /** The footer's last part, 「n / N」, as the print shows it. */
    private static final Pattern PAGE = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)\\s*$");

    private static final String SYMBOLS = "[\\s◎○△▲×－]";

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @TempDir
    private static Path dir;

    private static Path workbook;

    /** The text of each printed page, top to bottom. */
    private static List<String> pages;

    private static List<PDRectangle> sizes;

    /** The text pieces of each printed page with their height on the page (downwards). */
    private static List<List<Piece>> pieces;

    /** A piece of text as printed, with the top of its line from the page's top. */
    private record Piece(String text, float y) {
    }

    @BeforeEach
    void printOnce() throws Exception {
        if (pages != null) {
            return;
        }
        String office = libreOffice();
        if (office == null) {
            if (REQUIRED) {
                throw new IllegalStateException("PLAN_REVIEW_REQUIRE_LIBREOFFICE=true but neither soffice nor "
                        + "libreoffice is on the PATH (Debian: apt-get install libreoffice-calc)");
            }
            Assumptions.abort("LibreOffice is not installed");
        }
        var run = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(Path.of("input"), dir.resolve("out"), FiscalYear.of(2022), null));
        workbook = Path.of(ReviewRuns.runFolder(run)).resolve("review-chiiki2-FY2022.xlsx");
        Path printed = dir.resolve("printed");
        Process process = new ProcessBuilder(office, "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", printed.toString(), workbook.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("office.log").toFile())
            .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not print " + workbook + " within 180 s");
        }
        Path pdf = printed.resolve("review-chiiki2-FY2022.pdf");
        assertThat(pdf).as("LibreOffice's output: " + Files.readString(dir.resolve("office.log"))).exists();
        List<String> texts = new ArrayList<>();
        List<PDRectangle> boxes = new ArrayList<>();
        List<List<Piece>> positioned = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Piece> page = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions)
                        throws java.io.IOException {
                    page.add(new Piece(text, positions.get(0).getYDirAdj()));
                    super.writeString(text, positions);
                }
            };
            stripper.setSortByPosition(true);
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                page.clear();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                texts.add(stripper.getText(document));
                positioned.add(List.copyOf(page));
                boxes.add(document.getPage(p - 1).getMediaBox());
            }
        }
        sizes = boxes;
        pieces = positioned;
        pages = texts;
    }

    @Test
    void shouldPrintThe2ndPlansFY2022WorkbookOnAtMostEightA4LandscapePagesBesidesItsMeasures() {
        // the sheets of the KPI review on at most 8 pages; the measures' two sheets (124 取組事項 and their 52
        // roll-ups, issue 12) on at most 6 more
        long measurePages = pages.stream().filter(p -> lastLine(p).contains(" 取組の")).count();
        assertThat(pages.size() - measurePages).as("pages of the KPI review's sheets").isBetween(7L, 8L);
        assertThat(measurePages).as("pages of 取組の進捗状況 and 取組の集計").isBetween(1L, 6L);
        for (PDRectangle size : sizes) {
            // A4 landscape: 297 × 210 mm
            assertThat(size.getWidth()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            assertThat(size.getHeight()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
        }
        for (int p = 0; p < pages.size(); p++) {
            // the footer: plan, year, sheet and 「n / N」
            String footer = lastLine(pages.get(p));
            assertThat(footer).as("page " + (p + 1)).startsWith("第2次中野区地域情報化推進計画").contains("令和4年度 (FY2022)");
            Matcher page = PAGE.matcher(footer);
            assertThat(page.find()).as(footer).isTrue();
            assertThat(page.group(1)).isEqualTo(Integer.toString(p + 1));
            assertThat(page.group(2)).isEqualTo(Integer.toString(pages.size()));
            assertThat(pages.get(p)).as("a number too wide for its column").doesNotContain("###");
        }
    }

    @Test
    void shouldPrintEverySheetOnePageWideWithItsWholeHeaderOnEachOfItsPages() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> firstCells = new LinkedHashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            book.forEach(sheet -> {
                List<String> lines = new ArrayList<>();
                if (!"表紙".equals(sheet.getSheetName())) {
                    for (Cell cell : sheet.getRow(0)) {
                        lines.addAll(List.of(cell.getStringCellValue().split("\n")));
                    }
                    firstCells.put(sheet.getSheetName(), new org.apache.poi.ss.usermodel.DataFormatter()
                        .formatCellValue(sheet.getRow(1).getCell(0)).strip());
                }
                headers.put(sheet.getSheetName(), lines);
            });
        }
        Map<String, List<String>> printed = new LinkedHashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            String footer = lastLine(pages.get(p));
            String sheet = headers.keySet().stream().filter(name -> footer.contains(" " + name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no sheet named in the footer " + footer));
            if (!printed.containsKey(sheet) && firstCells.containsKey(sheet)) {
                // a heading too high for its row spills into the first row of the table: every line of every
                // heading stands above the table's first row
                float body = pieces.get(p).stream().filter(piece -> piece.text().strip().equals(firstCells.get(sheet)))
                    .map(Piece::y).findFirst().orElseThrow(() -> new AssertionError(sheet + ": no " + firstCells.get(sheet)));
                float footerTop = sizes.get(p).getHeight() - 60;
                float lowest = pieces.get(p).stream()
                    .filter(piece -> piece.y() < footerTop && headers.get(sheet).contains(piece.text().strip()))
                    .map(Piece::y).max(Float::compare).orElseThrow();
                // (a line spilled into the first row stands level with its text; a wide sheet prints small, so the
                // margin is kept small too)
                assertThat(lowest).as(sheet + ": the header's last line above the first row").isLessThan(body - 4);
            }
            printed.computeIfAbsent(sheet, s -> new ArrayList<>()).add(pages.get(p));
        }
        // every sheet printed, in order
        assertThat(printed.keySet()).containsExactlyElementsOf(headers.keySet());
        assertThat(printed.get("表紙").get(0)).contains("シート一覧").contains("入力データの指紋（SHA-256）");
        for (Map.Entry<String, List<String>> sheet : printed.entrySet()) {
            for (String page : sheet.getValue()) {
                // each line of each heading whole on every page: none clipped, no column on a page of its own
                String body = page.substring(0, page.lastIndexOf(lastLine(page)));
                for (String line : headers.get(sheet.getKey())) {
                    // text extraction by position slips the status symbols in among the words of their line
                    String words = line.replaceAll(SYMBOLS, "");
                    assertThat(words.isEmpty() ? body : body.replaceAll(SYMBOLS, "")).as(sheet.getKey() + ": " + line)
                        .contains(words.isEmpty() ? line : words);
                }
            }
        }
    }

    private static String lastLine(String page) {
        String[] lines = page.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    private static String libreOffice() {
        for (String name : List.of("soffice", "libreoffice")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(folder, name))) {
                    return Path.of(folder, name).toString();
                }
            }
        }
        return null;
    }

}
