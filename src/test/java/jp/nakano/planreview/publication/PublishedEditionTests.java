package jp.nakano.planreview.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.FigureColumns;
import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.report.ReportContents;
import jp.nakano.planreview.review.ReviewRun;
import jp.nakano.planreview.review.ReviewRuns;

/**
 * The published files of a real run on the bundled data: the 電子申請の利用状況 pages reproduce the ward's
 * published figures, the open data CSV has the same figures as the PDF, and the HTML edition is static and
 * semantic (language, captions, header cells, SVG charts with a text equivalent, no script).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedEditionTests {

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @Autowired
    private JdbcTemplate jdbc;

    private Path folder;

    private long runId;

    @Autowired
    private LoadedFigures figures;

    @BeforeAll
    void runFY2022(@TempDir Path dir) throws Exception {
        JobExecution run = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(Path.of("input"), dir.resolve("out"), FiscalYear.of(2022), null));
        folder = Path.of(ReviewRuns.runFolder(run));
        runId = run.getId();
    }

    @Test
    void shouldReadTheSameUsageFromTheRowsInColumnsWhateverOrderTheyWereLoadedIn() {
        // the rows in columns as the run's load step filled them, and the same loaded last line first: the reader
        // must put them in the input's order itself
        FigureColumns inOrder = figures.of(runId);
        FigureColumns reversed = new FigureColumns();
        for (int i = inOrder.size() - 1; i >= 0; i--) {
            reversed.add(inOrder.figure(i));
            if (inOrder.excluded(i)) {
                reversed.exclude(reversed.size() - 1);
            }
        }

        List<EProcedureUsage.Year> fromColumns = new EProcedureUsageReader(jdbc, run -> inOrder).years(runId, FiscalYear.of(2022));

        assertThat(fromColumns).hasSize(3);
        assertThat(fromColumns.get(1).addedProcedures()).extracting(EProcedureUsage.Entry::name).contains("体験事業参加申込等");
        assertThat(fromColumns.get(2).systems()).isNotEmpty();
        // the systems, which the database stores, as it lists them
        List<String> systems = jdbc.queryForList("""
                SELECT name FROM in_eprocedure_figure WHERE run_id = ? AND NOT excluded AND row_level = 'system'
                  AND fiscal_year = 2022""", String.class, runId);
        assertThat(fromColumns.get(2).systems()).extracting(EProcedureUsage.Entry::name)
            .containsExactlyInAnyOrderElementsOf(systems);
        assertThat(new EProcedureUsageReader(jdbc, run -> reversed).years(runId, FiscalYear.of(2022))).isEqualTo(fromColumns);
    }

    private String read(String file) throws Exception {
        return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    }

    /** The text of a page as read aloud: tags out, spaces collapsed. */
    private String text(String file) throws Exception {
        return read(file).replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void shouldReproduceTheWardsPublishedFiguresOfFY2021AndFY2022() throws Exception {
        String fy2021 = text("eprocedure-usage-FY2021.html");
        assertThat(fy2021).contains("令和3年度（2021年度）の電子受付件数は1,706,697件で、前年度から245,634件増加しました。");
        String fy2022 = text("eprocedure-usage-FY2022.html");
        assertThat(fy2022).contains("令和4年度（2022年度）の電子受付件数は1,793,615件で、前年度から86,918件増加しました。")
            .contains("全受付件数2,441,639件のうち電子受付件数の割合（電子手続利用率）は73.46%です。")
            .contains("電子申請ができる手続は423件です。")
            .contains("東京電子自治体共同運営電子申請サービス 30,507件");
        // the procedures the ward names as added in FY2021, with their 電子受付件数
        assertThat(fy2021).contains("新型コロナウイルス宿泊・自宅療養証明書交付申請（東京電子自治体共同運営電子申請サービス、電子受付件数 4,450件）")
            .contains("体験事業参加申込等").contains("認可保育所等現況届の提出").contains("特別区民税等の分割相談");
        assertThat(text("eprocedure-usage-FY2020.html")).contains("1,461,063件").contains("320件").contains("前年度の数値なし");
    }

    @Test
    void shouldWriteOpenDataWithOneHeaderRowUnitsInTheHeadersAndYearsAsNumbers() throws Exception {
        byte[] bytes = Files.readAllBytes(folder.resolve(UsageEdition.CSV_FILE));
        String csv = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("年度,年度（和暦）,手続数（件）,全受付件数（件）,電子受付件数（件）,電子手続利用率（％）,"
                + "手続数の対前年度増減（件）,全受付件数の対前年度増減（件）,電子受付件数の対前年度増減（件）,出典");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("2020,令和2年度,320,,1461063,,,,,");
        assertThat(lines.get(2)).startsWith("2021,令和3年度,,,1706697,,,,245634,");
        assertThat(lines.get(3)).startsWith("2022,令和4年度,423,2441639,1793615,73.46,,,86918,");
        String additions = Files.readString(folder.resolve(UsageEdition.ADDITIONS_FILE)).replace("\uFEFF", "");
        assertThat(additions.lines().toList()).contains(
                "2021,令和3年度,手続,新型コロナウイルス宿泊・自宅療養証明書交付申請,東京電子自治体共同運営電子申請サービス,4450");
    }

    @Test
    void shouldPrintTheSameFiguresInThePdfSection() throws Exception {
        String pdf = ReportContents.text(folder.resolve("review-chiiki2-FY2022.pdf")).replaceAll("\\s+", "");
        assertThat(pdf).contains("電子申請の利用状況（令和4年度(FY2022)まで）")
            .contains("令和4年度（2022年度）423件2,441,639件1,793,615件73.46%86,918件増加")
            .contains("245,634件増加")
            .contains("令和3年度（2021年度）：「新型コロナウイルス宿泊・自宅療養証明書交付申請」");
    }

    @Test
    void shouldWriteStaticSemanticPagesForEveryReviewAndYear() throws Exception {
        for (String page : List.of("review-chiiki2-FY2022.html", "eprocedure-usage-FY2020.html",
                "eprocedure-usage-FY2021.html", "eprocedure-usage-FY2022.html")) {
            String html = read(page);
            assertThat(html).as(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"ja\">")
                .doesNotContainIgnoringCase("<script").doesNotContain("http://localhost").contains("<main>");
            // every table has a caption and column headers; every chart is a titled image with its description
            int tables = count(html, "<table>");
            assertThat(tables).as(page).isPositive().isEqualTo(count(html, "<caption>"));
            assertThat(count(html, "<th scope=\"col\">")).as(page).isGreaterThanOrEqualTo(tables * 2);
            assertThat(count(html, "<svg role=\"img\"")).as(page).isPositive().isEqualTo(count(html, "<figcaption"));
        }
        String review = text("review-chiiki2-FY2022.html");
        assertThat(review).contains("第2次中野区地域情報化推進計画").contains("令和4年度（2022年度） 成果指標の進行管理報告")
            .contains("区内のマイナンバーカード交付率").contains("62.3%").contains("▲ 遅れ").contains("1,793,615件")
            .contains("図: 電子手続利用率（%）").contains("区全体の電子手続 73.46%");
        // a chart per KPI with a trajectory, its text equivalent naming the years in 和暦
        assertThat(review).contains("図: 区内のマイナンバーカード交付率の推移").contains("実績: 令和2年度 31.6%");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

}
