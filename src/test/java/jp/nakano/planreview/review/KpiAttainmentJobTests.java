package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.appendLine;
import static jp.nakano.planreview.review.ReviewFixture.copyOfBundledInput;
import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.nakano.planreview.common.FiscalYear;

/** The attainment of the real KPIs, checked against what a person works out by hand. */
@SpringBootTest
class KpiAttainmentJobTests {

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @TempDir
    private Path dir;

    @Test
    void shouldFindTheCardRateBehindAndOnlineApplicationsPastTheirInterimTargetInFY2022() throws Exception {
        Map<String, Map<String, String>> kpis = attainment(run(ReviewFixture.BUNDLED_INPUT, 2022));

        // 交付率 62.3% against 31.6% (FY2020) and 100% (FY2023): the trajectory expects 77.2%
        Map<String, String> card = kpis.get("chiiki2-k01");
        assertThat(card.get("actual")).isEqualTo("62.3");
        assertThat(card.get("expected")).isEqualTo("77.2");
        assertThat(card.get("progress_percent")).isEqualTo("44.9");
        assertThat(card.get("pace_ratio_percent")).isEqualTo("67.3");
        assertThat(card.get("status")).isEqualTo("遅れ");
        assertThat(card.get("status_symbol")).isEqualTo("▲");
        // 1,793,615 against 約146万件 → 170万件 (FY2023) → 200万件 (FY2025), derived from the ward total
        Map<String, String> online = kpis.get("chiiki2-k02");
        assertThat(online.get("actual")).isEqualTo("1793615");
        assertThat(online.get("actual_source")).startsWith("derived");
        assertThat(online.get("baseline_text")).isEqualTo("約146万件");
        assertThat(online.get("interim_fy")).isEqualTo("2023");
        assertThat(online.get("interim_met")).isEqualTo("true");
        assertThat(online.get("status")).isEqualTo("順調");
    }

    @Test
    void shouldWriteBothFilesForEveryYearWithFiguresAndMatchAHandCheck() throws Exception {
        for (int year = 2020; year <= 2022; year++) {
            JobExecution run = run(ReviewFixture.BUNDLED_INPUT, year);
            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(readOutput(ReviewFixture.runFolder(run).resolve("kpi-attainment.csv"))).hasSize(32);
            assertThat(readOutput(ReviewFixture.runFolder(run).resolve("kpi-summary.csv"))).hasSize(7);
        }
        // FY2020, the baseline year: the card rate is its baseline, not rated
        Map<String, String> baseline = attainment(run(ReviewFixture.BUNDLED_INPUT, 2020)).get("chiiki2-k01");
        assertThat(baseline.get("status")).isEqualTo("未評価");
        assertThat(baseline.get("actual")).isEqualTo("31.6");
        assertThat(baseline.get("reason")).contains("FY2020 is the baseline year");

        JobExecution fy2021 = run(ReviewFixture.BUNDLED_INPUT, 2021);
        Map<String, Map<String, String>> kpis = attainment(fy2021);
        // level KPI: 46.0% against 54.4% expected (31.6 + 68.4 ÷ 3): 14.4 ÷ 22.8 = 63.2% of the pace
        assertThat(kpis.get("chiiki2-k01").get("expected")).isEqualTo("54.4");
        assertThat(kpis.get("chiiki2-k01").get("pace_ratio_percent")).isEqualTo("63.2");
        assertThat(kpis.get("chiiki2-k01").get("status")).isEqualTo("遅れ");
        // annual KPI derived from the e-procedure total: 1,706,697 is already past 170万件
        assertThat(kpis.get("chiiki2-k02").get("actual")).isEqualTo("1706697");
        assertThat(kpis.get("chiiki2-k02").get("progress_percent")).isEqualTo("45.6");
        assertThat(kpis.get("chiiki2-k02").get("status")).isEqualTo("順調");
        // no actual: not assessed, and why
        assertThat(kpis.get("chiiki2-k09").get("status")).isEqualTo("未評価");
        assertThat(kpis.get("chiiki2-k09").get("reason")).contains("no actual for FY2021");
        // a DX plan KPI before its baseline year
        assertThat(kpis.get("dx2026-k01").get("status")).isEqualTo("未評価");
        assertThat(kpis.get("dx2026-k01").get("reason")).contains("before the baseline year FY2024");
        // a derived DX plan KPI: the published figures give no 主要手続 flags, so nothing is derived
        assertThat(kpis.get("dx2026-k14").get("status")).isEqualTo("未評価");
        assertThat(kpis.get("dx2026-k14").get("other_source")).startsWith("not derived:");
        // FY2020 is the baseline year, not rated: no change of status to list
        Map<String, String> plan = readOutput(ReviewFixture.runFolder(fy2021).resolve("kpi-summary.csv")).get(0);
        assertThat(plan.get("label")).isEqualTo("計画全体");
        assertThat(plan.get("順調")).isEqualTo("1");
        assertThat(plan.get("遅れ")).isEqualTo("1");
        assertThat(plan.get("未評価")).isEqualTo("8");
        // only changes between assessed statuses: k01 went from its baseline year (not rated) to 遅れ, k03–k10 to
        // 未評価: none is listed
        assertThat(plan.get("status_changes")).isEmpty();
    }

    @Test
    void shouldUseTheDerivedActualAndFlagAnEnteredOneThatDisagrees() throws Exception {
        Path input = copyOfBundledInput(dir);
        appendLine(input.resolve("kpi-actuals.csv"), "chiiki2-k02,2022,,1800000,final,,test entry,");

        JobExecution run = run(input, 2022);

        Map<String, String> online = attainment(run).get("chiiki2-k02");
        assertThat(online.get("actual")).isEqualTo("1793615");
        assertThat(online.get("other_value")).isEqualTo("1800000");
        assertThat(readOutput(ReviewFixture.runFolder(run).resolve("validation-findings.csv"))).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("kpi.derived-differs");
            assertThat(f.get("message")).contains("1800000").contains("1793615");
        });
    }

    @Test
    void shouldNotCompareAnActualOfAnotherDefinition() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path actuals = input.resolve("kpi-actuals.csv");
        // add the optional definition column: the FY2022 figure follows 保有枚数率, the KPI 交付枚数率
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(actuals));
        lines.set(0, lines.get(0) + ",definition");
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + (lines.get(i).startsWith("chiiki2-k01,2022,") ? ",保有枚数率" : ","));
        }
        java.nio.file.Files.write(actuals, lines);

        JobExecution run = run(input, 2022);
        assertThat(readOutput(ReviewFixture.runFolder(run).resolve("validation-findings.csv")))
            .noneMatch(f -> f.get("severity").equals("ERROR"));
        Map<String, String> card = attainment(run).get("chiiki2-k01");

        assertThat(card.get("status")).isEqualTo("未評価");
        assertThat(card.get("definition_changed")).isEqualTo("true");
        assertThat(card.get("progress_percent")).isEmpty();
        assertThat(card.get("reason")).contains("保有枚数率");
    }

    @Test
    void shouldStoreThePointsOfEachKpisChart() throws Exception {
        JobExecution run = run(ReviewFixture.BUNDLED_INPUT, 2022);

        java.util.Map<String, java.util.List<String>> series = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT series, point_year, point_value FROM res_kpi_series
                WHERE run_id = ? AND kpi_id = 'chiiki2-k01' ORDER BY series, point_year""", rs -> {
            series.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                .add(rs.getInt(2) + ":" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
        }, run.getId());

        // the trajectory 31.6 → 100 by FY2023, then the level kept; the published actuals; the two targets
        assertThat(series.get("計画")).containsExactly("2020:31.6", "2021:54.4", "2022:77.2", "2023:100", "2024:100",
                "2025:100");
        assertThat(series.get("実績")).containsExactly("2020:31.6", "2021:46", "2022:62.3");
        assertThat(series.get("目標")).containsExactly("2023:100", "2025:100");
    }

    private JobExecution run(Path input, int year) throws Exception {
        return jobOperator.start(annualReviewJob,
                ReviewRun.parameters(input, dir.resolve("out"), FiscalYear.of(year), null));
    }

    private static Map<String, Map<String, String>> attainment(JobExecution run) throws Exception {
        Map<String, Map<String, String>> byKpi = new java.util.LinkedHashMap<>();
        for (Map<String, String> row : readOutput(ReviewFixture.runFolder(run).resolve("kpi-attainment.csv"))) {
            byKpi.put(row.get("kpi_id"), row);
        }
        return byKpi;
    }

}
