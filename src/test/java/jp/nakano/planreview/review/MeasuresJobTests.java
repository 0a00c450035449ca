package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.appendLine;
import static jp.nakano.planreview.review.ReviewFixture.copyOfBundledInput;
import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.report.ReportContents;

/**
 * The measures review on the bundled schedule (seed 000, checked by hand) and on the illustrative department
 * reports of {@code samples/department-reports-sample/}.
 */
@SpringBootTest
class MeasuresJobTests {

    static final Path SAMPLE = Path.of("samples/department-reports-sample");

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @TempDir
    private Path dir;

    @Test
    void shouldListEveryMeasureOfTheSecondPlanWithThePlannedStageOfTheYearAndNoReport() throws Exception {
        JobExecution run = run(ReviewFixture.BUNDLED_INPUT, 2022);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Map<String, String>> items = progress(run);

        List<Map<String, String>> chiiki2 = items.values().stream().filter(r -> r.get("plan_id").equals("chiiki2")).toList();
        assertThat(chiiki2).hasSize(124);
        assertThat(chiiki2.stream().map(r -> r.get("measure_label")).distinct()).containsExactly("取組1-1", "取組1-2",
                "取組1-3", "取組1-4", "取組1-5", "取組1-6", "取組1-7", "取組2-1", "取組2-2", "取組2-3", "取組2-4", "取組2-5");
        // nothing is reported in input/: every item of the ward planned this year says so
        assertThat(chiiki2).allSatisfy(r -> assertThat(r.get("status")).isEmpty());
        assertThat(chiiki2.stream().filter(r -> r.get("owner").equals("ward") && r.get("repeat_of").isEmpty()
                && !r.get("planned").startsWith("（予定なし")).map(r -> r.get("progress_ja")).distinct())
            .containsExactly("報告なし");

        // checked by hand against seed 000 (R4 = FY2022 is the second year cell)
        // line 365 「検討||拡充||推進」: 検討 R3–R4, 拡充 R5–R6, 推進 R7
        assertThat(items.get("chiiki2-1-1-2-04").get("planned")).isEqualTo("検討");
        assertThat(items.get("chiiki2-1-1-2-04").get("schedule")).isEqualTo("2021=検討;2022=検討;2023=拡充;2024=拡充;2025=推進");
        assertThat(items.get("chiiki2-1-1-2-04").get("years_certain")).isEqualTo("true");
        // line 416 ホームページの統合・全面リニューアル 「検討|準備|稼働|継続|」: R4 準備 (a packed row: uncertain)
        assertThat(items.get("chiiki2-1-2-2-01").get("planned")).isEqualTo("準備");
        assertThat(items.get("chiiki2-1-2-2-01").get("years_certain")).isEqualTo("false");
        // line 462 新庁舎におけるオンライン環境の整備 「検討|||稼働|継続」: 検討 until R5, 稼働 R6
        assertThat(items.get("chiiki2-1-3-3-05").get("planned")).isEqualTo("検討");
        assertThat(items.get("chiiki2-1-3-3-05").get("schedule")).contains("2023=検討;2024=稼働;2025=継続");
        // line 706 ユニファイド・コミュニケーションの導入 「|検討|準備|稼働|継続」: nothing in R3, 検討 R4
        assertThat(items.get("chiiki2-2-2-1-02").get("planned")).isEqualTo("検討");
        assertThat(items.get("chiiki2-2-2-1-02").get("schedule")).startsWith("2022=検討;2023=準備");
        // line 663 ごみ分別アプリへのAI活用等拡充 「検討|準備・稼働|継続」: R4 準備・稼働
        assertThat(items.get("chiiki2-2-1-2-08").get("planned")).isEqualTo("準備・稼働");
        // line 452 モバイル機器講習会 「|実施|||」: R4 実施
        assertThat(items.get("chiiki2-1-3-2-02").get("planned")).isEqualTo("実施");
        // line 364: the schedule is a condition in words
        assertThat(items.get("chiiki2-1-1-2-03").get("planned")).startsWith("条件：(国の方針が通知され次第「検討」");
        // line 381 (1-1-②再掲): points at line 365's item
        assertThat(items.get("chiiki2-1-1-4-03").get("repeat_of")).isEqualTo("chiiki2-1-1-2-04");
        // line 363 (国): the state's schedule, not the ward's to report
        assertThat(items.get("chiiki2-1-1-2-02").get("progress_ja")).isEqualTo("国・都の取組");

        // the DX plan: its 施策 with what their roadmaps give (FY2022 is before the plan)
        List<Map<String, String>> dx = items.values().stream().filter(r -> r.get("plan_id").equals("dx2026")).toList();
        assertThat(dx).hasSize(40);
        assertThat(dx.stream().map(r -> r.get("measure_id")).distinct()).hasSize(12);
        assertThat(items.get("dx2026-m01-01").get("roadmap")).isEqualTo("前期=利用者・加盟店を増やすための取組の検討、実施;後期=(継続)");
        assertThat(items.get("dx2026-m01-01").get("planned")).startsWith("（計画期間外）ロードマップ: 前期");

        String pdf = ReportContents.text(ReviewFixture.runFolder(run).resolve("review-chiiki2-FY2022.pdf"));
        assertThat(pdf).contains("目標別の総括", "取組の進捗状況", "取組のスケジュールと今年度の報告", "取組2-5　職員の人材育成・活用",
                "ホームページの統合・全面リニューアル", "【準備】", "R4年度", "▼対象年度", "－ 報告なし",
                "要因分析・今後の方向性：報告なし（遅れのため説明が必要）");
        // 交付率 is 遅れ in FY2022 and nobody explained it
        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("kpi.miss-unexplained");
            assertThat(f.get("value")).isEqualTo("chiiki2-k01");
            assertThat(f.get("severity")).isEqualTo("WARNING");
        });
    }

    @Test
    void shouldShowEveryStatusTheRollUpsAndTheUnexplainedMissesOfTheSampleReports() throws Exception {
        Path input = copyOfBundledInput(dir);
        for (String file : List.of("measure-reports.csv", "kpi-explanations.csv")) {
            Files.copy(SAMPLE.resolve(file), input.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        JobExecution run = run(input, 2022);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Map<String, String>> items = progress(run);

        assertThat(items.values().stream().map(r -> r.get("status")).filter(s -> !s.isEmpty()).distinct())
            .containsExactlyInAnyOrder("予定どおり", "前倒し", "遅れ", "未着手", "中止", "完了");
        assertThat(items.get("chiiki2-1-2-4-01").get("progress_ja")).isEqualTo("遅れ"); // 未着手 counts as behind
        // the 再掲 row under 1-1-④ shows the report on 1-1-②'s item
        assertThat(items.get("chiiki2-1-1-4-03").get("status")).isEqualTo("予定どおり");

        Map<String, Map<String, String>> summary = readOutput(ReviewFixture.runFolder(run).resolve("measure-summary.csv"))
            .stream().collect(Collectors.toMap(r -> r.get("id"), r -> r, (a, b) -> a, LinkedHashMap::new));
        // 取組1-1: 14 items (the 再掲 row counts as its original); 4 予定どおり, 1 前倒し, 1 遅れ, 1 完了,
        // 4 報告なし, 3 国・都: 6 of 7 reported on track = 86% → おおむね順調
        Map<String, String> m11 = summary.get("chiiki2-m1-1");
        assertThat(m11.get("items")).isEqualTo("14");
        assertThat(List.of(m11.get("予定どおり"), m11.get("前倒し"), m11.get("遅れ"), m11.get("完了"), m11.get("報告なし"),
                m11.get("国・都の取組"))).containsExactly("4", "1", "1", "1", "4", "3");
        assertThat(m11.get("rating")).isEqualTo("おおむね順調");
        // 取組1-3: 予定どおり, 前倒し, 中止 of three reported = 67% → 遅れ
        assertThat(summary.get("chiiki2-m1-3").get("中止")).isEqualTo("1");
        assertThat(summary.get("chiiki2-m1-3").get("rating")).isEqualTo("遅れ");
        assertThat(summary.get("chiiki2").get("level")).isEqualTo("plan");

        List<Map<String, String>> misses = findings(run).stream()
            .filter(f -> f.get("code").equals("measure.miss-unexplained")).toList();
        assertThat(misses).extracting(f -> f.get("line")).containsExactly("12", "18");
        assertThat(misses.get(0).get("message")).contains("統合型GIS導入・活用", "未着手", "課題と今後の方向性が書かれていない");
        assertThat(misses.get(1).get("file")).isEqualTo("measure-reports.csv");
        // 交付率 is explained in the sample
        assertThat(findings(run)).noneSatisfy(f -> assertThat(f.get("code")).isEqualTo("kpi.miss-unexplained"));

        Path folder = ReviewFixture.runFolder(run);
        String pdf = ReportContents.text(folder.resolve("review-chiiki2-FY2022.pdf"));
        assertThat(pdf).contains("▲ 未着手", "× 中止", "● 完了", "◎ 前倒し", "※記載なし（説明が必要）",
                "要因分析：国の普及策とあわせて休日交付窓口を拡大した結果", "△ おおむね順調");
        assertThat(ReportContents.cells(folder.resolve("review-chiiki2-FY2022.xlsx")))
            .contains("取組の進捗状況!A1=目標", "取組の集計!A1=区分")
            .anySatisfy(c -> assertThat(c).startsWith("取組の進捗状況!").endsWith("=休日交付窓口を月2回に拡大し、出張申請受付を区民活動センターで実施した。"));
    }

    @Test
    void shouldNameFileLineFieldAndValueOfEveryBadReportAndScheduleRow() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path reports = input.resolve("measure-reports.csv");
        String tail = ",実施した。,,,,情報システム課,2023-05-31,test";
        int unknown = appendLine(reports, "2022,chiiki2-9-9-9-01,予定どおり" + tail);
        int first = appendLine(reports, "2022,chiiki2-1-1-1-01,予定どおり" + tail);
        int second = appendLine(reports, "2022,chiiki2-1-1-1-01,遅れ" + tail);
        int word = appendLine(reports, "2022,chiiki2-1-1-1-02,順調" + tail);
        int repeat = appendLine(reports, "2022,chiiki2-1-1-4-03,予定どおり" + tail);
        Path items = input.resolve("measure-items.csv");
        int outside = appendLine(items, "chiiki2-x-01,chiiki2-m1-1,chiiki2-1-1-1,9,試験,,ward,,,2024=検討;2027=実施,,,,true,test,");
        int noMeasure = appendLine(items, "chiiki2-x-02,chiiki2-m9-9,,1,試験,,ward,,,2022=検討,,,,true,test,");
        int phase = appendLine(items, "dx2026-x-01,dx2026-m01,,9,試験,,ward,,,,中期=検討,,,true,test,");

        JobExecution run = run(input, 2022);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, String>> found = findings(run);
        assertThat(finding(found, "measure-reports.csv", unknown)).containsEntry("code", "key.unknown")
            .containsEntry("field", "item_id").containsEntry("value", "chiiki2-9-9-9-01");
        assertThat(finding(found, "measure-reports.csv", first)).containsEntry("code", "key.duplicate");
        assertThat(finding(found, "measure-reports.csv", second)).containsEntry("code", "key.duplicate");
        assertThat(finding(found, "measure-reports.csv", word)).containsEntry("code", "row.rejected")
            .containsEntry("field", "status").containsEntry("value", "順調");
        assertThat(finding(found, "measure-reports.csv", word).get("message")).contains("予定どおり、前倒し、遅れ、未着手、中止、完了");
        assertThat(finding(found, "measure-reports.csv", repeat)).containsEntry("code", "measure.report-on-repeat")
            .containsEntry("value", "chiiki2-1-1-4-03");
        assertThat(finding(found, "measure-items.csv", outside)).containsEntry("code", "measure.schedule-outside-plan")
            .containsEntry("field", "schedule").containsEntry("value", "2024=検討;2027=実施");
        assertThat(finding(found, "measure-items.csv", outside).get("message")).contains("2027");
        assertThat(finding(found, "measure-items.csv", noMeasure)).containsEntry("code", "key.unknown")
            .containsEntry("field", "measure_id");
        assertThat(finding(found, "measure-items.csv", phase)).containsEntry("code", "measure.roadmap-unknown-phase")
            .containsEntry("value", "中期=検討");
        // nothing lost: the rejected rows are listed, the good ones reviewed
        Map<String, Map<String, String>> progress = progress(run);
        assertThat(progress).doesNotContainKeys("chiiki2-x-01", "chiiki2-x-02", "dx2026-x-01");
        assertThat(progress.get("chiiki2-1-1-1-01").get("status")).isEmpty();
    }

    @Test
    void shouldNameThePhaseAndSummariseItInItsLastYear() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path reports = input.resolve("measure-reports.csv");
        String tail = ",,,,デジタル政策課,2027-05-31,test";
        appendLine(reports, "2026,dx2026-m01-01,予定どおり,加盟店を募集した。" + tail);
        appendLine(reports, "2026,dx2026-m01-02,遅れ,,調整に時間を要した,次年度に実施する,,産業振興課,2027-05-31,test");
        appendLine(reports, "2027,dx2026-m01-02,予定どおり,商店街支援を実施した。" + tail);
        appendLine(reports, "2027,dx2026-m04-03,完了,フリーWi-Fiを設置した。" + tail);

        JobExecution run = run(input, 2027);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Map<String, String>> items = progress(run);
        assertThat(items.get("dx2026-m01-01").get("planned")).isEqualTo("前期：利用者・加盟店を増やすための取組の検討、実施");
        // FY2027 alone: m01-01 was reported in FY2026 only
        assertThat(items.get("dx2026-m01-01").get("progress_ja")).isEqualTo("報告なし");
        Map<String, Map<String, String>> summary = readOutput(ReviewFixture.runFolder(run).resolve("measure-summary.csv"))
            .stream().filter(r -> r.get("plan_id").equals("dx2026"))
            .collect(Collectors.toMap(r -> r.get("level") + ":" + r.get("id"), r -> r, (a, b) -> a, LinkedHashMap::new));
        assertThat(summary.get("plan:dx2026").get("予定どおり")).isEqualTo("1");
        assertThat(summary.get("plan:dx2026").get("phase")).isEqualTo("前期");
        // the phase: each item as last reported in FY2026–27
        Map<String, String> phase = summary.get("phase_plan:dx2026");
        assertThat(List.of(phase.get("予定どおり"), phase.get("遅れ"), phase.get("完了"))).containsExactly("2", "0", "1");
        String pdf = ReportContents.text(ReviewFixture.runFolder(run).resolve("review-dx2026-FY2027.pdf"));
        assertThat(pdf).contains("計画期間の前期（令和8年度〜令和9年度）の最終年度", "前期のまとめ", "R9年度", "前期：利用者・加盟店");
    }

    private static Map<String, String> finding(List<Map<String, String>> findings, String file, int line) {
        return findings.stream().filter(f -> f.get("file").equals(file) && f.get("line").equals(Integer.toString(line)))
            .findFirst().orElseThrow(() -> new AssertionError("no finding for " + file + " line " + line + ": " + findings));
    }

    private JobExecution run(Path input, int year) throws Exception {
        return jobOperator.start(annualReviewJob,
                ReviewRun.parameters(input, dir.resolve("out"), FiscalYear.of(year), null));
    }

    private static Map<String, Map<String, String>> progress(JobExecution run) throws Exception {
        return readOutput(ReviewFixture.runFolder(run).resolve("measure-progress.csv")).stream()
            .collect(Collectors.toMap(r -> r.get("item_id"), r -> r, (a, b) -> a, LinkedHashMap::new));
    }

    private static List<Map<String, String>> findings(JobExecution run) throws Exception {
        return readOutput(ReviewFixture.runFolder(run).resolve("validation-findings.csv"));
    }

}
