package jp.nakano.planreview.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.measures.MeasureReview.Activity;
import jp.nakano.planreview.measures.MeasureReview.Goal;
import jp.nakano.planreview.measures.MeasureReview.Item;
import jp.nakano.planreview.measures.MeasureReview.ItemResult;
import jp.nakano.planreview.measures.MeasureReview.KpiStatus;
import jp.nakano.planreview.measures.MeasureReview.Measure;
import jp.nakano.planreview.measures.MeasureReview.Phase;
import jp.nakano.planreview.measures.MeasureReview.Progress;
import jp.nakano.planreview.measures.MeasureReview.Rating;
import jp.nakano.planreview.measures.MeasureReview.RatingRule;
import jp.nakano.planreview.measures.MeasureReview.Report;
import jp.nakano.planreview.measures.MeasureReview.Rollup;

/** The measures method on small hand-made schedules ({@code docs/method.md}, "Measures"). */
class MeasureReviewTests {

    private static Item item(String id, String activity, Owner owner, String repeatOf, String schedule) {
        return new Item(id, "m1", activity, "取組事項 " + id, null, owner, repeatOf, null, Schedule.parse(schedule),
                Roadmap.EMPTY, null, true, 1);
    }

    private static Report report(String id, ReportedStatus status, String issues, String next) {
        return new Report(id, status, "実施した", issues, next, null, "情報システム課", LocalDate.of(2023, 5, 31), 2);
    }

    @Test
    void shouldReadTheScheduleCellAndRejectWordsAndYearsItCannotRead() {
        Schedule schedule = Schedule.parse("2021=検討;R4=準備・稼働;2023=継続");
        assertThat(Schedule.words(schedule.in(2022))).isEqualTo("準備・稼働");
        assertThat(schedule.in(2024)).isEmpty();
        assertThat(schedule.cell()).isEqualTo("2021=検討;2022=準備・稼働;2023=継続");
        assertThatThrownBy(() -> Schedule.parse("2021=調査")).hasMessageContaining("「調査」は段階の語ではない");
        assertThatThrownBy(() -> Schedule.parse("2021=検討;2021=実施")).hasMessageContaining("2021年度が二度");
        assertThatThrownBy(() -> Schedule.parse("検討")).hasMessageContaining("年度=段階");
        assertThat(Roadmap.parse("前期=検討、実施;後期=(継続)").in("後期")).isEqualTo("(継続)");
    }

    @Test
    void shouldGiveThePlannedStageOfTheYearOrSayWhyThereIsNone() {
        List<Phase> phases = List.of(new Phase("前期", 2026, 2027), new Phase("後期", 2028, 2030));
        Item scheduled = item("a", "act", Owner.WARD, null, "2021=検討;2022=検討;2023=拡充");
        assertThat(MeasureReview.planned(scheduled, 2022, 2021, 2025, List.of())).isEqualTo("検討");
        assertThat(MeasureReview.planned(scheduled, 2024, 2021, 2025, List.of())).isEqualTo("（予定なし）");
        assertThat(MeasureReview.planned(scheduled, 2026, 2021, 2025, List.of())).isEqualTo("（計画期間外）");
        Item roadmap = new Item("dx", "m1", null, "x", "◎", Owner.WARD, null, null, Schedule.EMPTY,
                Roadmap.parse("前期=検討、実施;後期=(継続)"), null, true, 1);
        assertThat(MeasureReview.planned(roadmap, 2027, 2026, 2030, phases)).isEqualTo("前期：検討、実施");
        assertThat(MeasureReview.planned(roadmap, 2029, 2026, 2030, phases)).isEqualTo("後期：(継続)");
        Item conditional = new Item("c", "m1", "act", "x", null, Owner.WARD, null, null, Schedule.EMPTY, Roadmap.EMPTY,
                "(国の方針が通知され次第「検討」)", false, 1);
        assertThat(MeasureReview.planned(conditional, 2022, 2021, 2025, List.of())).isEqualTo("条件：(国の方針が通知され次第「検討」)");
    }

    @Test
    void shouldPlaceEveryItemInOneCategoryAndCountARepeatOnceAsItsOriginal() {
        List<Item> items = List.of(item("a", "act1", Owner.WARD, null, "2022=検討"),
                item("b", "act1", Owner.WARD, null, "2022=実施"),
                item("c", "act1", Owner.STATE, null, "2022=実施"),
                item("d", "act2", Owner.WARD, null, "2023=稼働"),
                item("e", "act2", Owner.WARD, null, "2022=推進"),
                item("a-again", "act2", Owner.WARD, "a", "2022=検討"));
        Map<String, Report> reports = Map.of("a", report("a", ReportedStatus.NOT_STARTED, "調達が遅れた", "次年度に実施"),
                "b", report("b", ReportedStatus.DONE, null, null));
        MeasureReview review = new MeasureReview(RatingRule.DEFAULT);
        List<ItemResult> results = review.items(items, reports, 2022, 2021, 2025, List.of());

        assertThat(results).extracting(ItemResult::progress).containsExactly(Progress.BEHIND, Progress.DONE,
                Progress.NOT_WARD, Progress.NOT_PLANNED, Progress.NOT_REPORTED, Progress.BEHIND);
        // the repeat shows the original's report
        assertThat(results.get(5).report().status()).isEqualTo(ReportedStatus.NOT_STARTED);

        List<Rollup> rollups = review.rollups("p", "計画", List.of(new Goal("g1", "目標1", "目標")),
                List.of(new Measure("m1", "g1", "取組1-1", "取組")),
                List.of(new Activity("act1", "m1", "1-1-①", "一", "課"), new Activity("act2", "m1", "1-1-②", "二", "課")),
                results);
        Rollup measure = rollups.stream().filter(r -> r.level().equals("measure")).findFirst().orElseThrow();
        // six rows, five items: a-again is a
        assertThat(measure.items()).isEqualTo(5);
        assertThat(measure.counts()).containsEntry(Progress.BEHIND, 1).containsEntry(Progress.DONE, 1)
            .containsEntry(Progress.NOT_WARD, 1).containsEntry(Progress.NOT_PLANNED, 1)
            .containsEntry(Progress.NOT_REPORTED, 1);
        // 1 of 2 reported items on track: 50% < 80%
        assertThat(measure.rating()).isEqualTo(Rating.BEHIND);
        Rollup second = rollups.stream().filter(r -> r.id().equals("act2")).findFirst().orElseThrow();
        assertThat(second.items()).isEqualTo(3);
        assertThat(second.counts()).containsEntry(Progress.BEHIND, 1);
    }

    @Test
    void shouldRateByTheConfiguredShares() {
        Map<Progress, Integer> counts = new java.util.EnumMap<>(Progress.class);
        for (Progress p : Progress.values()) {
            counts.put(p, 0);
        }
        counts.put(Progress.ON_SCHEDULE, 4);
        counts.put(Progress.BEHIND, 1);
        counts.put(Progress.NOT_REPORTED, 5);
        // 4 of 5 reported = 80%
        assertThat(RatingRule.DEFAULT.rate(counts)).isEqualTo(Rating.MOSTLY);
        assertThat(new RatingRule(BigDecimal.ONE, new BigDecimal("0.9"), false).rate(counts)).isEqualTo(Rating.BEHIND);
        assertThat(new RatingRule(new BigDecimal("0.8"), new BigDecimal("0.5"), false).rate(counts)).isEqualTo(Rating.GOOD);
        // unreported counted as behind: 4 of 10
        assertThat(new RatingRule(BigDecimal.ONE, new BigDecimal("0.8"), true).rate(counts)).isEqualTo(Rating.BEHIND);
        counts.put(Progress.ON_SCHEDULE, 0);
        counts.put(Progress.BEHIND, 0);
        assertThat(RatingRule.DEFAULT.rate(counts)).isEqualTo(Rating.NOT_RATED);
        assertThatThrownBy(() -> new RatingRule(new BigDecimal("0.5"), new BigDecimal("0.8"), false))
            .hasMessageContaining("0 <= mostly <= good <= 1");
        assertThat(RatingRule.DEFAULT.describe()).contains("100%以上で ○順調", "80%以上で △おおむね順調");
    }

    @Test
    void shouldAskForAnExplanationOfEveryMiss() {
        List<Item> items = List.of(item("a", "x", Owner.WARD, null, "2022=検討"), item("b", "x", Owner.WARD, null, "2022=検討"),
                item("c", "x", Owner.WARD, null, "2022=検討"), item("d", "x", Owner.WARD, null, "2022=検討"));
        Map<String, Report> reports = Map.of("a", report("a", ReportedStatus.BEHIND, null, null),
                "b", report("b", ReportedStatus.STOPPED, "方針変更", null),
                "c", report("c", ReportedStatus.NOT_STARTED, "予算なし", "次年度に要求"),
                "d", report("d", ReportedStatus.ON_SCHEDULE, null, null));
        List<ItemResult> results = new MeasureReview(RatingRule.DEFAULT).items(items, reports, 2022, 2021, 2025, List.of());
        assertThat(results).extracting(ItemResult::missingExplanation).containsExactly("課題と今後の方向性", "今後の方向性",
                null, null);

        List<KpiStatus> kpis = List.of(new KpiStatus("k1", "交付率", "BEHIND", true),
                new KpiStatus("k2", "件数", "WORSENED", true), new KpiStatus("k3", "率", "ON_TRACK", false));
        assertThat(MeasureReview.unexplainedKpis(kpis, Set.of("k2"))).extracting(KpiStatus::kpiId).containsExactly("k1");
    }

}
