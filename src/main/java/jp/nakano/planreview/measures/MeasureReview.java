package jp.nakano.planreview.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The review of a plan's 取組 for one fiscal year ({@code docs/method.md}, "Measures"): the planned stage of
 * every 取組事項, the status its department reported against it, the roll-up per 実施内容, 取組 and goal, the
 * rating of each 取組 by a configurable rule, and the misses that nobody explained. Plain Java: the batch step
 * reads the rows and stores the results.
 */
public final class MeasureReview {

    /** A goal (目標 / 目指す姿). */
    public record Goal(String goalId, String label, String name) {
    }

    /** A 取組 / 施策. */
    public record Measure(String measureId, String goalId, String label, String name) {
    }

    /** A 実施内容 of a 取組 (the DX plan has none). */
    public record Activity(String activityId, String measureId, String label, String name, String departments) {
    }

    /** A 取組事項 and its schedule. */
    public record Item(String itemId, String measureId, String activityId, String name, String mark, Owner owner,
            String repeatOf, String departments, Schedule schedule, Roadmap roadmap, String condition,
            boolean yearsCertain, long sourceLine) {
    }

    /** A department's report on a 取組事項 for the review year. */
    public record Report(String itemId, ReportedStatus status, String done, String issues, String nextSteps,
            String selfRating, String reportedBy, LocalDate reportedOn, long sourceLine) {
    }

    /** A phase of the plan (前期 / 後期). */
    public record Phase(String name, int firstFy, int lastFy) {

        public boolean contains(int year) {
            return year >= firstFy && year <= lastFy;
        }
    }

    /** Where a 取組事項 stands in the review year: the categories of the roll-up. */
    public enum Progress {

        ON_SCHEDULE("予定どおり", "○"),
        AHEAD("前倒し", "◎"),
        BEHIND("遅れ", "▲"),
        STOPPED("中止", "×"),
        DONE("完了", "●"),
        NOT_REPORTED("報告なし", "－"),
        NOT_WARD("国・都の取組", "□"),
        NOT_PLANNED("今年度の予定なし", "／");

        private final String word;

        private final String symbol;

        Progress(String word, String symbol) {
            this.word = word;
            this.symbol = symbol;
        }

        public String word() {
            return word;
        }

        public String symbol() {
            return symbol;
        }

        static Progress of(ReportedStatus status) {
            return switch (status) {
                case ON_SCHEDULE -> ON_SCHEDULE;
                case AHEAD -> AHEAD;
                case BEHIND, NOT_STARTED -> BEHIND;
                case STOPPED -> STOPPED;
                case DONE -> DONE;
            };
        }
    }

    /** The rating of a 取組 (or a goal) from its 取組事項. */
    public enum Rating {

        GOOD("順調", "○"),
        MOSTLY("おおむね順調", "△"),
        BEHIND("遅れ", "▲"),
        NOT_RATED("評価できない", "－");

        private final String word;

        private final String symbol;

        Rating(String word, String symbol) {
            this.word = word;
            this.symbol = symbol;
        }

        public String word() {
            return word;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * The rating rule ({@code plan-review.measures.*}): the share of the ward's planned and reported 取組事項
     * that are 予定どおり, 前倒し or 完了; at least {@code good} is 順調, at least {@code mostly} おおむね順調,
     * below 遅れ; none reported: 評価できない. With {@code unreportedAsBehind} an unreported item counts as
     * behind instead of being left out.
     */
    public record RatingRule(BigDecimal good, BigDecimal mostly, boolean unreportedAsBehind) {

        public static final RatingRule DEFAULT = new RatingRule(BigDecimal.ONE, new BigDecimal("0.80"), false);

        public RatingRule {
            if (good == null || mostly == null || mostly.compareTo(good) > 0 || mostly.signum() < 0
                    || good.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("measure rating thresholds must satisfy 0 <= mostly <= good <= 1, not mostly="
                        + mostly + ", good=" + good);
            }
        }

        /** The rule in the reports' words, as the run applied it. */
        public String describe() {
            return "取組の評価：予定のある区の取組事項のうち報告された「予定どおり・前倒し・完了」の割合が "
                    + percent(good) + "以上で ○順調、" + percent(mostly) + "以上で △おおむね順調、それ未満で ▲遅れ"
                    + (unreportedAsBehind ? "（報告なしは遅れとして数える）" : "（報告なしは数えない）")
                    + "。報告が一つもなければ －評価できない";
        }

        private static String percent(BigDecimal share) {
            return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
        }

        Rating rate(Map<Progress, Integer> counts) {
            int onTrack = counts.get(Progress.ON_SCHEDULE) + counts.get(Progress.AHEAD) + counts.get(Progress.DONE);
            int missed = counts.get(Progress.BEHIND) + counts.get(Progress.STOPPED);
            int rated = onTrack + missed + (unreportedAsBehind ? counts.get(Progress.NOT_REPORTED) : 0);
            if (rated == 0) {
                return Rating.NOT_RATED;
            }
            BigDecimal share = BigDecimal.valueOf(onTrack).divide(BigDecimal.valueOf(rated), 10, RoundingMode.HALF_UP);
            return share.compareTo(good) >= 0 ? Rating.GOOD : share.compareTo(mostly) >= 0 ? Rating.MOSTLY : Rating.BEHIND;
        }
    }

    /** One 取組事項 in the review year. */
    public record ItemResult(Item item, String planned, List<Stage> plannedStages, Report report, Progress progress,
            String missingExplanation) {

        /** The report shown for the item: its own, or the original's for a 再掲 row. */
        public boolean reported() {
            return report != null;
        }
    }

    /** The counts and rating of one level (plan, goal, 取組, 実施内容). */
    public record Rollup(String level, String id, String label, String name, Map<Progress, Integer> counts,
            int items, Rating rating) {
    }

    /** A KPI's status in the review year, for the explanation check. */
    public record KpiStatus(String kpiId, String name, String statusWord, boolean miss) {
    }

    private final RatingRule rule;

    public MeasureReview(RatingRule rule) {
        this.rule = rule;
    }

    /** The phase the year belongs to, or null (the plan has no phases, or the year is outside them). */
    public static Phase phaseOf(List<Phase> phases, int year) {
        return phases.stream().filter(p -> p.contains(year)).findFirst().orElse(null);
    }

    /**
     * The planned stage (or roadmap text, or condition) of an item for the year, as the reports print it.
     * Years outside the plan's period say so.
     */
    public static String planned(Item item, int year, int firstFy, int lastFy, List<Phase> phases) {
        if (year < firstFy || year > lastFy) {
            if (!item.roadmap().isEmpty()) {
                return "（計画期間外）ロードマップ: " + item.roadmap().byPhase().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("／"));
            }
            return "（計画期間外）";
        }
        if (!item.schedule().isEmpty()) {
            List<Stage> stages = item.schedule().in(year);
            return stages.isEmpty() ? "（予定なし）" : Schedule.words(stages);
        }
        if (!item.roadmap().isEmpty()) {
            Phase phase = phaseOf(phases, year);
            String text = phase == null ? null : item.roadmap().in(phase.name());
            return phase == null ? "（期の区分なし）" : text == null ? phase.name() + "：（ロードマップに記載なし）"
                    : phase.name() + "：" + text;
        }
        if (item.condition() != null) {
            return "条件：" + item.condition();
        }
        // the DX plan has no 実施内容 and gives roadmaps; the 2nd plan gives schedules per 実施内容
        return item.activityId() == null ? "（ロードマップの記載なし）" : "（スケジュールの記載なし）";
    }

    /**
     * Reviews every item of a plan for the year.
     *
     * @param reports the year's reports by item id (reports on 再掲 rows are not passed: they were rejected)
     */
    public List<ItemResult> items(List<Item> items, Map<String, Report> reports, int year, int firstFy, int lastFy,
            List<Phase> phases) {
        Map<String, Item> byId = items.stream().collect(Collectors.toMap(Item::itemId, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        List<ItemResult> results = new ArrayList<>();
        for (Item item : items) {
            Item original = item.repeatOf() == null ? item : byId.getOrDefault(item.repeatOf(), item);
            Report report = reports.get(original.itemId());
            String planned = planned(item, year, firstFy, lastFy, phases);
            List<Stage> stages = year < firstFy || year > lastFy ? List.of() : item.schedule().in(year);
            Progress progress;
            if (report != null) {
                progress = Progress.of(report.status());
            }
            else if (original.owner() != Owner.WARD) {
                progress = Progress.NOT_WARD;
            }
            else if (year < firstFy || year > lastFy
                    || !original.schedule().isEmpty() && original.schedule().in(year).isEmpty()) {
                progress = Progress.NOT_PLANNED;
            }
            else {
                progress = Progress.NOT_REPORTED;
            }
            String missing = null;
            if (report != null && item == original && report.status().isMiss()) {
                List<String> absent = new ArrayList<>();
                if (blank(report.issues())) {
                    absent.add("課題");
                }
                if (blank(report.nextSteps())) {
                    absent.add("今後の方向性");
                }
                missing = absent.isEmpty() ? null : String.join("と", absent);
            }
            results.add(new ItemResult(item, planned, stages, report, progress, missing));
        }
        return results;
    }

    /**
     * The roll-ups: the plan, then each goal, 取組 and 実施内容 in the plan's order. A 取組事項 counts once per
     * level: a 再掲 row counts as its original, so a goal that lists an item twice counts it once.
     */
    public List<Rollup> rollups(String planId, String planName, List<Goal> goals, List<Measure> measures,
            List<Activity> activities, List<ItemResult> results) {
        List<Rollup> out = new ArrayList<>();
        out.add(rollup("plan", planId, "計画全体", planName, results));
        for (Goal goal : goals) {
            Set<String> measureIds = measures.stream().filter(m -> m.goalId().equals(goal.goalId()))
                .map(Measure::measureId).collect(Collectors.toSet());
            out.add(rollup("goal", goal.goalId(), goal.label(), goal.name(),
                    results.stream().filter(r -> measureIds.contains(r.item().measureId())).toList()));
            for (Measure measure : measures) {
                if (!measure.goalId().equals(goal.goalId())) {
                    continue;
                }
                out.add(rollup("measure", measure.measureId(), measure.label(), measure.name(),
                        results.stream().filter(r -> r.item().measureId().equals(measure.measureId())).toList()));
                for (Activity activity : activities) {
                    if (activity.measureId().equals(measure.measureId())) {
                        out.add(rollup("activity", activity.activityId(), activity.label(), activity.name(),
                                results.stream().filter(r -> activity.activityId().equals(r.item().activityId())).toList()));
                    }
                }
            }
        }
        return out;
    }

    private Rollup rollup(String level, String id, String label, String name, List<ItemResult> results) {
        Map<Progress, Integer> counts = new EnumMap<>(Progress.class);
        for (Progress p : Progress.values()) {
            counts.put(p, 0);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ItemResult r : results) {
            String key = r.item().repeatOf() == null ? r.item().itemId() : r.item().repeatOf();
            if (seen.add(key)) {
                counts.merge(r.progress(), 1, Integer::sum);
            }
        }
        return new Rollup(level, id, label, name, counts, seen.size(), rule.rate(counts));
    }

    /** The KPIs rated 遅れ or 悪化 in the year without a 要因分析 or 今後の方向性. */
    public static List<KpiStatus> unexplainedKpis(List<KpiStatus> kpis, Set<String> explained) {
        return kpis.stream().filter(k -> k.miss() && !explained.contains(k.kpiId())).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

}
