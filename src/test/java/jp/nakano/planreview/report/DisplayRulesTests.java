package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.review.ReviewRun;
import jp.nakano.planreview.review.ReviewRuns;

/**
 * Reads the reports back as a ward official reads them: the display rule of each kind of figure, the wording of
 * the notes, on the bundled data and on a fictional sample plan ({@code src/test/resources/sample-plan}) that
 * has the figures the bundled data lacks (a forecast past 100%, a count whose trajectory has fractions …).
 */
@SpringBootTest(properties = "plan-review.major-procedure-threshold=12000")
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayRulesTests {

    private static final List<String> SAMPLE_FILES = List.of("plans.csv", "goals.csv", "kpis.csv",
            "kpi-targets.csv", "kpi-actuals.csv", "eprocedure-figures.csv");

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @TempDir
    static Path dir;

    private Path fy2021;

    private Path fy2022;

    private Path fy2023;

    @BeforeAll
    void runTheBundledDataWithTheSamplePlan() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        try (var files = Files.list(Path.of("input"))) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        for (String name : SAMPLE_FILES) {
            List<String> lines = Files.readAllLines(Path.of("src/test/resources/sample-plan", name));
            Files.writeString(input.resolve(name), String.join("\n", lines.subList(1, lines.size())) + "\n",
                    StandardOpenOption.APPEND);
        }
        fy2021 = run(input, 2021);
        fy2022 = run(input, 2022);
        fy2023 = run(input, 2023);
    }

    private Path run(Path input, int year) throws Exception {
        JobExecution run = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(input, dir.resolve("out"), FiscalYear.of(year), null));
        return Path.of(ReviewRuns.runFolder(run));
    }

    @Test
    void shouldShowEachKindOfFigureWithOneRuleInThePdf() throws Exception {
        String fy21 = text(fy2021.resolve("review-sample-FY2021.pdf"));
        String fy22 = text(fy2022.resolve("review-sample-FY2022.pdf"));

        // an entered 31.0% keeps its decimal; a percentage KPI shows one decimal everywhere
        assertThat(line(fy21, "サンプル交付率")).contains("31.0%");
        // 進捗率 with one decimal, also when whole: (3 − 2) ÷ (6 − 2) = 25.0%
        assertThat(line(fy22, "サンプル連携団体数")).contains("25.0%");
        // the trend table: the card rate's FY2021 actual 31.0, not 31
        assertThat(line(trend(fy22), "サンプル交付率 %")).contains("31.6 31.0 62.3");
        // the chiiki2 report: 46.0 (FY2021) beside 62.3, 進捗率 44.9%
        String chiiki2 = text(fy2022.resolve("review-chiiki2-FY2022.pdf"));
        assertThat(line(trend(chiiki2), "区内のマイナンバーカード交付率 %")).contains("31.6 46.0 62.3");
        assertThat(line(chiiki2, "区内のマイナンバーカード交付率 %")).contains("62.3% 77.2% 44.9%");
        // e-procedure rates keep their two decimals, counts none
        assertThat(chiiki2).contains("423 1,793,615 2,441,639 73.46%");
    }

    @Test
    void shouldShowACountAsAWholeNumberUnlessThePlanWritesItWithDecimals() throws Exception {
        String fy22 = text(fy2022.resolve("review-sample-FY2022.pdf"));

        // 計画上の値: 2 + 2 × 2 ÷ 3 = 3.33団体 is shown as 3団体; 0.67/15 as 1/15; 8.4件 as 8件
        assertThat(line(fy22, "サンプル連携団体数")).contains("3団体 3団体").doesNotContain("3.3");
        assertThat(line(fy22, "サンプル移行事業数")).contains("0/15 1/15").doesNotContain("0.7");
        assertThat(line(fy22, "サンプル事故発生件数")).contains("3件 8件").doesNotContain("8.4");
        // a KPI in 億円 written with one decimal by the plan keeps one
        String dx = text(fy2022.resolve("review-chiiki2-FY2022.pdf"));
        assertThat(dx).doesNotContain("5.3件").doesNotContain("0.7/15").doesNotContain("3.3団体");
    }

    @Test
    void shouldShowTheWorkbooksFiguresWithTheSameDecimalsAsThePdf() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(fy2022.resolve("review-sample-FY2022.xlsx")))) {
            XSSFSheet kpis = workbook.getSheet("成果指標");
            XSSFRow card = row(kpis, "サンプル交付率");
            XSSFRow groups = row(kpis, "サンプル連携団体数");
            // the exact value stays in the cell; the cell shows the PDF's decimals
            assertThat(card.getCell(11).getNumericCellValue()).isEqualTo(62.3);
            assertThat(card.getCell(11).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0" + ReviewWorkbook.PAD);
            assertThat(groups.getCell(13).getNumericCellValue()).isCloseTo(3.3333, org.assertj.core.data.Offset.offset(0.001));
            assertThat(groups.getCell(13).getCellStyle().getDataFormatString()).isEqualTo("#,##0" + ReviewWorkbook.PAD);
            assertThat(groups.getCell(14).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0%" + ReviewWorkbook.PAD);
        }
    }

    @Test
    void shouldKeepAForecastInItsNaturalRangeAndSaySo() throws Exception {
        String fy22 = text(fy2022.resolve("review-sample-FY2022.pdf"));

        // the pace gives 108.35% and −13.5件: shown as 100.0%（上限） and 0件（下限）
        assertThat(line(trend(fy22), "サンプル交付率 %")).contains("100.0%（上限）").doesNotContain("108");
        assertThat(line(trend(fy22), "サンプル事故発生件数 件")).contains("0件（下限）").doesNotContain("−").doesNotContain("-");
        assertThat(fy22).contains("「（下限）」「（上限）」と示す");
        assertThat(text(fy2022.resolve("review-chiiki2-FY2022.pdf"))).doesNotContain("108.4%").contains("100.0%（上限）");
    }

    @Test
    void shouldListAPlansOwnFindingsAndTheWardWideOnesOnly() throws Exception {
        String chiiki2 = section(text(fy2022.resolve("review-chiiki2-FY2022.pdf")), "この計画の指標に関する事項", "入力ファイルと実行記録");
        String sample = section(text(fy2022.resolve("review-sample-FY2022.pdf")), "この計画の指標に関する事項", "入力ファイルと実行記録");

        assertThat(chiiki2).contains("chiiki2-k01").doesNotContain("dx2026-k09").doesNotContain("dx2026-k17")
            .contains("区全体の公表値と掲載システム合計の差");
        assertThat(sample).doesNotContain("chiiki2-k01").doesNotContain("dx2026-k09")
            .contains("区全体の公表値と掲載システム合計の差");
        assertThat(ReportContents.cells(fy2022.resolve("review-chiiki2-FY2022.xlsx")))
            .anyMatch(c -> c.startsWith("検証結果!") && c.contains("chiiki2-k01"))
            .noneMatch(c -> c.startsWith("検証結果!") && c.contains("dx2026-k09"));
    }

    @Test
    void shouldSayHowTheEprocedureRatesAreRoundedAndWhichThresholdMakesAMajorProcedure() throws Exception {
        String chiiki2 = text(fy2022.resolve("review-chiiki2-FY2022.pdf"));

        // 73.46% has two decimals: the third is rounded
        assertThat(chiiki2).contains("小数第3位を四捨五入").doesNotContain("小数第2位を四捨五入");
        // the configured threshold (12,000 in this test), not a fixed 1万件
        assertThat(chiiki2).contains("主要手続 = 全受付件数が年12,000件以上の手続").doesNotContain("1万件以上");
    }

    @Test
    void shouldSayTheFiguresAreMissingAndGiveBothKakanaiCoverages() throws Exception {
        String fy22 = text(fy2022.resolve("review-chiiki2-FY2022.pdf"));
        String fy23 = text(fy2023.resolve("review-sample-FY2023.pdf"));

        // FY2022 lists no procedure: the figures are missing, not the 主要手続
        assertThat(fy22).contains("主要手続のオンライン手続カバー率：算出できません（この年度の手続ごとの数値が未入力）")
            .doesNotContain("主要手続がない");
        assertThat(fy22).contains("書かない窓口のカバー率（受付件数による）：算出できません（この年度の手続ごとの数値が未入力）");
        // FY2023 (sample): 主要手続 A (20,000, online) and B (12,000): 20,000 ÷ 32,000 = 62.5%, 15,000 ÷ 20,000 = 75.0%
        assertThat(fy23).contains("主要手続のオンライン手続カバー率：62.5%").contains("主要手続のオンライン手続利用率：75.0%");
        // the 上記以外 row bundles 5 procedures without a flag: no share of the 2 listed ones
        assertThat(fy23).contains("書かない窓口のカバー率（手続数による）：算出できません（書かない窓口の対応の区分が未入力：7 手続のうち 5 手続）")
            .contains("書かない窓口のカバー率（受付件数による）：算出できません（書かない窓口の対応の区分が未入力：7 手続のうち 5 手続）")
            .doesNotContain("50.0%");
    }

    @Test
    void shouldChartOnlyWhatComparesAndGiveTheWardTotalsTrend() throws Exception {
        String fy22 = text(fy2022.resolve("review-chiiki2-FY2022.pdf"));

        // only the ward total has a rate in FY2022: no chart of one bar
        assertThat(fy22).doesNotContain("図: システムごとの電子手続利用率");
        // the ward total year by year with the change, as the ward publishes it
        assertThat(fy22).contains("区全体の電子受付件数の推移（区の公表値）")
            .contains("・令和2年度 (FY2020) 1,461,063件")
            .contains("・令和3年度 (FY2021) 1,706,697件（前年度比 +245,634件）")
            .contains("・令和4年度 (FY2022) 1,793,615件（前年度比 +86,918件）");
    }

    @Test
    void shouldNameTheIndicatorsWhoseStatusChanged() throws Exception {
        String summary = section(text(fy2022.resolve("review-sample-FY2022.pdf")), "成果指標の状況（", "成果指標の実績の推移と見通し（");

        // FY2021 → FY2022: the card rate 悪化 (31.0% below 31.6%) → 順調, the inquiries 順調 → 達成
        assertThat(summary).contains("サンプル交付率：悪化→順調").contains("サンプル問い合わせ件数：順調→達成")
            .doesNotContain("sample-k0");
        assertThat(ReportContents.cells(fy2022.resolve("review-sample-FY2022.xlsx")))
            .anyMatch(c -> c.startsWith("状況集計!J") && c.contains("サンプル交付率：悪化→順調"))
            .noneMatch(c -> c.startsWith("状況集計!") && c.contains("sample-k01"));
    }

    @Test
    void shouldNotRateTheBaselineYearNorListItAsAChange() throws Exception {
        // FY2020 is the 2nd plan's baseline year: the card rate's 遅れ in FY2021 is no change from a 順調 it never had
        String summary = section(text(fy2021.resolve("review-chiiki2-FY2021.pdf")), "成果指標の状況（", "成果指標の実績の推移と見通し（");
        assertThat(summary).doesNotContain("→");
        assertThat(text(fy2021.resolve("review-chiiki2-FY2021.pdf"))).doesNotContain("順調→遅れ");
        // the sample plan in FY2021: only changes from FY2021's own ratings … and FY2020 is its baseline year
        assertThat(section(text(fy2021.resolve("review-sample-FY2021.pdf")), "成果指標の状況（", "成果指標の実績の推移と見通し（"))
            .doesNotContain("→");
    }

    @Test
    void shouldSayWhenAKpiHasReachedItsFinalTargetBeforeItsYear() throws Exception {
        String fy22 = text(fy2022.resolve("review-sample-FY2022.pdf"));

        // 55,000件 in FY2022 against 約6万件 by FY2025: 達成, and the reader is told the target's year
        assertThat(line(fy22, "サンプル問い合わせ件数")).contains("◎ 達成");
        assertThat(fy22).contains("最終目標の水準に到達").contains("（目標年度は令和7年度）");
    }

    @Test
    void shouldWriteEveryYearOfTheKpiTableInOneCalendar() throws Exception {
        String table = section(text(fy2022.resolve("review-sample-FY2022.pdf")), "目標1 サンプルの目標", "成果指標の状況（");

        // the plan wrote 約6.8万件 (2020年度末): the column reads 令和 like its other years
        assertThat(table).contains("約6.8万件").contains("(令和2年度末)").doesNotContain("2020年度").contains("(令和7年度)");
    }

    @Test
    void shouldKeepThePlansOwnWordingOfEveryTarget() throws Exception {
        String fy22 = text(fy2022.resolve("review-sample-FY2022.pdf"));
        String chiiki2 = text(fy2022.resolve("review-chiiki2-FY2022.pdf"));

        // the interim target as the plan writes it, beside the final 200万件
        assertThat(line(fy22, "約146万件")).contains("170万件").contains("200万件").doesNotContain("1,700,000");
        assertThat(line(chiiki2, "約146万件")).contains("170万件").doesNotContain("1,700,000");
        // the exact value stays in the workbook
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(fy2022.resolve("review-sample-FY2022.xlsx")))) {
            assertThat(row(workbook.getSheet("成果指標"), "サンプル申請件数").getCell(7).getNumericCellValue()).isEqualTo(1_700_000);
        }
    }

    @Test
    void shouldShowWhatARelativeTargetResolvesTo() throws Exception {
        String table = section(text(fy2022.resolve("review-sample-FY2022.pdf")), "目標1 サンプルの目標", "成果指標の状況（");

        // 実施前比 ▲500時間 from 3,500時間 is 3,000時間; the wording is broken at its space, not inside the figure
        assertThat(table).contains("実施前比").contains("▲500時間").contains("（3,000時間）").doesNotContain("▲500時\n");
        assertThat(table.lines().filter(l -> l.contains("500時")).toList()).allMatch(l -> l.contains("500時間"));
    }

    @Test
    void shouldRenderAPlanOnlyForItsReviewYearsUnlessAskedFor(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        // the DX plan (FY2026–2030) has no KPI with a baseline before FY2023: FY2022 would be pages of 未評価
        JobExecution every = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(Path.of("input"), dir.resolve("out-plans"), FiscalYear.of(2022), null));
        Path folder = Path.of(ReviewRuns.runFolder(every));
        assertThat(folder.resolve("review-chiiki2-FY2022.pdf")).exists();
        assertThat(folder.resolve("review-dx2026-FY2022.pdf")).doesNotExist();
        assertThat(output).contains("Left out the report of plan dx2026 for FY2022: FY2022 is before FY2023, "
                + "the earliest baseline year of its KPIs; give --plan=dx2026 to render it anyway");

        // asked for by name, it is rendered with a note on the cover
        JobExecution one = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(Path.of("input"), dir.resolve("out-plans"), FiscalYear.of(2022), "dx2026"));
        Path dx = Path.of(ReviewRuns.runFolder(one)).resolve("review-dx2026-FY2022.pdf");
        String cover = text(dx).split("目次")[0];
        assertThat(cover).contains("（注）この計画の評価期間（令和5年度〜令和12年度）外の年度。多くの指標は評価できない"
                + "（--plan=dx2026 の指定で作成）");
        // the plan in its review years carries no such note
        assertThat(text(fy2022.resolve("review-chiiki2-FY2022.pdf"))).doesNotContain("（注）");
    }

    /** Every page's text, lines in reading order, runs of white space made one space. */
    static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("[ \\t\\u3000]+", " ");
        }
    }

    /** The trend table's section (成果指標の実績の推移と見通し) up to the next section. */
    static String trend(String text) {
        return section(text, "成果指標の実績の推移と見通し（", "成果指標の推移（");
    }

    /** The text from a section's heading to the next one's. */
    static String section(String text, String heading, String next) {
        int from = text.indexOf(heading);
        assertThat(from).as(heading).isNotNegative();
        int to = text.indexOf(next, from);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    /** The first line of the text that contains {@code start}, from there on. */
    static String line(String text, String start) {
        for (String line : text.split("\\R")) {
            int at = line.indexOf(start);
            if (at >= 0) {
                return line.substring(at);
            }
        }
        throw new AssertionError("no line with " + start + " in:\n" + text);
    }

    private static XSSFRow row(XSSFSheet sheet, String kpi) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            if (kpi.equals(sheet.getRow(r).getCell(1).getStringCellValue())) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("no row " + kpi);
    }

}
