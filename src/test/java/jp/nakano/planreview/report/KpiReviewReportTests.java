package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.nakano.planreview.common.Checksums;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.review.ReviewRun;
import jp.nakano.planreview.review.ReviewRuns;

/** Reads the PDF reports of a real run back: Japanese titles, every KPI, the key figures, embedded fonts. */
@SpringBootTest
class KpiReviewReportTests {

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @TempDir
    private Path dir;

    @Test
    void shouldPutEveryKpiAndTheKeyFiguresOfFY2022IntoThePlansPdf() throws Exception {
        Path folder = runFolder(2022);
        Path pdf = folder.resolve("review-chiiki2-FY2022.pdf");

        String text = compact(ReportContents.text(pdf));
        // the cover: plan, year in both forms, data status and date, the office, the contents with pages
        String cover = compact(text(pdf, 1, 1));
        assertThat(cover).contains(compact("令和4年度 (FY2022)")).contains(compact("第2次中野区地域情報化推進計画"))
            .contains("成果指標の進行管理報告").contains(compact("令和3年度 (FY2021) 〜 令和7年度 (FY2025)"))
            .contains(compact("実績のある指標 2 / 10（すべて確定値）")).contains(compact("2023年3月31日（令和4年度末）"))
            .contains("中野区企画部情報システム課").contains("目次").contains(compact("1. 目標別の成果指標の進行管理"))
            .contains(compact("7. 入力ファイルと実行記録")).contains(inputFingerprint(Path.of("input")));
        assertThat(text(pdf, 2, 2)).contains("区内のマイナンバーカード交付率");
        // the contents point at the right pages: the provenance is the last page
        assertThat(cover).contains(compact("7. 入力ファイルと実行記録") + pages(pdf));
        assertThat(text(pdf, pages(pdf), pages(pdf))).contains("入力ファイルと実行記録");
        assertThat(text).contains(compact("第2次中野区地域情報化推進計画"))
            .contains(compact("令和4年度 (FY2022) 成果指標の進行管理"))
            .contains(compact("データの基準日: 2023年3月31日（令和4年度末）"))
            .contains(compact("目標1 ICTを活用した行政サービスの提供による区民の利便性向上と地域の活性化"));
        for (String kpi : kpiNames(folder, "chiiki2")) {
            assertThat(text).as(kpi).contains(compact(kpi));
        }
        // the card rate: 62.3% against 77.2% planned, 44.9% of the way, behind; online applications 1,793,615件
        assertThat(text).contains("62.3%").contains("77.2%").contains("44.9%").contains("▲遅れ")
            .contains("1,793,615件").contains("約146万件").contains("○順調");
        // the other sections, with page numbers running across them
        int pages = pages(pdf);
        assertThat(text).contains("成果指標の実績の推移と見通し").contains("2,292,443件").contains("達成見込み")
            .contains("66.7%");
        assertThat(text).contains("成果指標の状況").contains("成果指標の推移").contains("主な電子手続の利用状況").contains("入力データの検証結果")
            .contains("入力ファイルと実行記録").contains("【計画期間外の実績（評価対象外）】").contains("1/" + pages).contains(pages + "/" + pages)
            .contains("1,793,615").contains("73.46%").contains("前年度の電子受付件数").contains("1,706,697")
            .contains("オンラインによる申請手続受付件数：1,793,615件")
            .contains("主要手続のオンライン手続カバー率：算出できません（主要手続がない）")
            .contains(Checksums.sha256(Path.of("input/plans.csv")));
    }

    @Test
    void shouldRenderEveryPlanWithItsJapaneseFontEmbedded() throws Exception {
        Path folder = runFolder(2022);

        for (String plan : List.of("chiiki2", "dx2026")) {
            Path pdf = folder.resolve("review-" + plan + "-FY2022.pdf");
            assertThat(pdf).exists();
            List<PDFont> fonts = fonts(pdf);
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> {
                assertThat(font.getName()).contains("BIZUDPGothic");
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            });
        }
        String dx = compact(ReportContents.text(folder.resolve("review-dx2026-FY2022.pdf")));
        for (String kpi : kpiNames(folder, "dx2026")) {
            assertThat(dx).as(kpi).contains(compact(kpi));
        }
    }

    @Test
    void shouldWriteReportsThatAPdfaValidatorAccepts() throws Exception {
        Path folder = runFolder(2022);

        for (String plan : List.of("chiiki2", "dx2026")) {
            ValidationResult result = PreflightParser.validate(folder.resolve("review-" + plan + "-FY2022.pdf").toFile());
            assertThat(result.getErrorsList().stream().map(e -> e.getErrorCode() + " " + e.getDetails()).toList())
                .as(plan)
                .isEmpty();
            assertThat(result.isValid()).as(plan).isTrue();
        }
    }

    @Test
    void shouldWriteAWorkbookWithJapaneseSheetsNumbersAsNumbersAndFrozenHeaders() throws Exception {
        Path folder = runFolder(2020);

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("review-chiiki2-FY2020.xlsx")))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("表紙", "成果指標", "状況集計", "実績の推移", "電子手続利用率", "検証結果", "入力ファイル");
            for (int i = 1; i < names.size(); i++) {
                assertThat(workbook.getSheetAt(i).getPaneInformation().isFreezePane()).isTrue();
            }
            XSSFSheet kpis = workbook.getSheet("成果指標");
            assertThat(kpis.getRow(1).getCell(1).getStringCellValue()).isEqualTo("区内のマイナンバーカード交付率");
            assertThat(kpis.getRow(1).getCell(11).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(kpis.getRow(1).getCell(11).getNumericCellValue()).isEqualTo(31.6);
            assertThat(kpis.getRow(1).getCell(17).getStringCellValue()).isEqualTo("○ 順調");
            XSSFSheet rates = workbook.getSheet("電子手続利用率");
            Map<String, Double> byName = new java.util.LinkedHashMap<>();
            for (int r = 1; r <= rates.getLastRowNum(); r++) {
                if (rates.getRow(r).getCell(6) != null) {
                    byName.putIfAbsent(rates.getRow(r).getCell(1).getStringCellValue(),
                            rates.getRow(r).getCell(6).getNumericCellValue());
                }
            }
            // 区民健診の申込み: 2,563 ÷ 5,177 = 49.51%, as a number Excel formats as a percentage
            assertThat(byName.get("区民健診の申込み")).isEqualTo(0.4951);
            assertThat(byName.get("図書館システム")).isEqualTo(0.9265);
            assertThat(rates.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(9782);
        }
    }

    @Test
    void shouldGiveTheSamePdfAndWorkbookBytesOnEveryRun() throws Exception {
        Path first = runFolder(2022);
        Path second = runFolder(2022);

        assertThat(second).isNotEqualTo(first);
        for (String plan : List.of("chiiki2", "dx2026")) {
            String pdf = "review-" + plan + "-FY2022.pdf";
            // no time of writing, random id or random font prefix: the same input gives the same file
            assertThat(Files.readAllBytes(second.resolve(pdf))).isEqualTo(Files.readAllBytes(first.resolve(pdf)));
            try (PDDocument document = Loader.loadPDF(second.resolve(pdf).toFile())) {
                assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(java.time.Instant.parse("2023-03-30T15:00:00Z")); // 2023-03-31 00:00 in Japan
            }
            String xlsx = "review-" + plan + "-FY2022.xlsx";
            assertThat(ReportContents.cells(second.resolve(xlsx))).isEqualTo(ReportContents.cells(first.resolve(xlsx)));
            // and the same file: dated by its data, not by the time of writing
            assertThat(Files.readAllBytes(second.resolve(xlsx))).isEqualTo(Files.readAllBytes(first.resolve(xlsx)));
        }
    }


    @Test
    void shouldListALongEprocedureTableOnlyInPartButKeepItsTotals() throws Exception {
        Path input = Files.createDirectories(dir.resolve("long-input"));
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("input"))) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 600; i++) {
            rows.append("2020,s05-x").append(i).append(",procedure,s05,").append(100 + i).append(",test procedure ")
                .append(i).append(",,1,2,,,,,test,\n");
        }
        Files.writeString(input.resolve("eprocedure-figures.csv"), rows, java.nio.file.StandardOpenOption.APPEND);

        JobExecution run = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(input, dir.resolve("out"), FiscalYear.of(2020), null));
        String text = compact(ReportContents.text(Path.of(ReviewRuns.runFolder(run)).resolve("review-chiiki2-FY2020.pdf")));

        assertThat(text).contains("全626行のうち先頭500行と合計のみ").contains("掲載システム合計").contains("区全体の電子手続");
        assertThat(text).doesNotContain("testprocedure600");
    }

    private Path runFolder(int year) throws Exception {
        JobExecution run = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(Path.of("input"), dir.resolve("out"), FiscalYear.of(year), null));
        return Path.of(ReviewRuns.runFolder(run));
    }

    private static List<String> kpiNames(Path folder, String plan) throws Exception {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("kpi-attainment.csv"))) {
            String[] cells = org.apache.commons.csv.CSVParser.parse(line, org.apache.commons.csv.CSVFormat.RFC4180)
                .getRecords().get(0).values();
            if (cells.length > 6 && cells[1].equals(plan)) {
                names.add(cells[6]);
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    private static int pages(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }


    /** What docs/outputs.md tells an auditor to compute: SHA-256 over "name sha256\n" of each input, by name. */
    private static String inputFingerprint(Path input) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(input)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                lines.add(f.getFileName() + " " + Checksums.sha256(f) + "\n");
            }
        }
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        lines.stream().sorted().forEach(l -> sha.update(l.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static String text(Path pdf, int firstPage, int lastPage) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(firstPage);
            stripper.setEndPage(lastPage);
            return stripper.getText(document);
        }
    }

    private static List<PDFont> fonts(Path pdf) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
        }
        return fonts;
    }

    /** Text without white space, so a name wrapped inside a table cell still matches. */
    private static String compact(String text) {
        return text.replaceAll("[\\s\\u3000]+", "");
    }

}
