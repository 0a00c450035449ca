package jp.nakano.planreview.measures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.nakano.planreview.attainment.Status;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.measures.MeasureRepository.ItemRow;
import jp.nakano.planreview.measures.MeasureRepository.KpiRow;
import jp.nakano.planreview.measures.MeasureRepository.Plan;
import jp.nakano.planreview.measures.MeasureRepository.RollupRow;
import jp.nakano.planreview.measures.MeasureReview.Phase;
import jp.nakano.planreview.measures.MeasureReview.Progress;
import jp.nakano.planreview.report.ReviewPdf;

/**
 * The measures sections of a plan's PDF, formatted: the per-goal summary (KPI statuses and 取組 ratings side by
 * side), 取組の進捗状況 and the schedule table. The report assembly adds them with {@link #addTo}.
 */
public final class MeasureSections {

    /** The templates of the sections, for the warm-up. */
    public static final List<String> TEMPLATES = List.of("measure-goal-summary", "measure-progress", "measure-schedule");

    private final MeasureRepository repository;

    public MeasureSections(MeasureRepository repository) {
        this.repository = repository;
    }

    /**
     * Puts the per-goal summary right after the cover (what the 本部 reads first), and 取組の進捗状況 and the
     * schedule after the KPI summary; a plan without 取組事項 gets none of them.
     */
    public List<ReviewPdf.Section> addTo(List<ReviewPdf.Section> sections, long run, FiscalYear year, String planId,
            Map<String, Object> common) {
        if (!repository.hasItems(run, year.year(), planId)) {
            return sections;
        }
        Plan plan = repository.plans(run, planId).get(0);
        List<Phase> phases = repository.phases(run, planId);
        List<ItemRow> items = repository.itemRows(run, year.year(), planId);
        List<RollupRow> rollups = repository.rollupRows(run, year.year(), planId);
        List<KpiRow> kpis = repository.kpiRows(run, year.year(), planId);
        List<ReviewPdf.Section> out = new ArrayList<>(sections);
        int afterCover = indexOf(out, "review-cover") + 1;
        out.add(afterCover, goalSummary(year, plan, phases, rollups, kpis, items, common));
        int afterSummary = Math.max(indexOf(out, "kpi-summary"), afterCover) + 1;
        out.add(afterSummary, progress(year, plan, items, rollups, common));
        out.add(afterSummary + 1, schedule(year, plan, phases, items, common));
        return out;
    }

    private static int indexOf(List<ReviewPdf.Section> sections, String template) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).template().equals(template)) {
                return i;
            }
        }
        return sections.size() - 1;
    }

    private static String phaseText(Plan plan, List<Phase> phases, FiscalYear year) {
        Phase phase = MeasureReview.phaseOf(phases, year.year());
        if (phase == null) {
            return year.year() < plan.firstFy() || year.year() > plan.lastFy() ? "（対象年度は計画期間外）" : null;
        }
        return "計画期間の" + phase.name() + "（" + FiscalYear.of(phase.firstFy()).japanese() + "〜"
                + FiscalYear.of(phase.lastFy()).japanese() + "）" + (year.year() == phase.lastFy() ? "の最終年度" : "");
    }

    ReviewPdf.Section goalSummary(FiscalYear year, Plan plan, List<Phase> phases, List<RollupRow> rollups,
            List<KpiRow> kpis, List<ItemRow> items, Map<String, Object> common) {
        Map<String, RollupRow> phaseGoal = rollups.stream().filter(u -> u.level().equals("phase_goal"))
            .collect(Collectors.toMap(RollupRow::refId, u -> u));
        Phase phase = MeasureReview.phaseOf(phases, year.year());
        List<Map<String, ?>> rows = new ArrayList<>();
        String rule = rollups.isEmpty() ? "" : rollups.get(0).ratingRule();
        for (RollupRow goal : rollups.stream().filter(u -> u.level().equals("goal")).toList()) {
            List<KpiRow> goalKpis = kpis.stream().filter(k -> k.goalId().equals(goal.refId())).toList();
            List<RollupRow> goalMeasures = measuresOf(goal.refId(), rollups, items);
            String goalTitle = goal.label() + "　" + goal.name();
            String phaseSummary = null;
            RollupRow ph = phaseGoal.get(goal.refId());
            if (ph != null) {
                phaseSummary = phase.name() + "のまとめ（" + FiscalYear.of(phase.firstFy()).japanese() + "〜"
                        + FiscalYear.of(phase.lastFy()).japanese() + "の最後の報告による）：" + counts(ph.counts())
                        + "　評価 " + ph.rating().symbol() + " " + ph.rating().word();
            }
            int n = Math.max(Math.max(goalKpis.size(), goalMeasures.size()), 1);
            for (int i = 0; i < n; i++) {
                Map<String, Object> row = new HashMap<>();
                row.put("goal", goalTitle);
                row.put("goal_kpis", kpiCounts(goalKpis));
                row.put("goal_items", counts(goal.counts()) + "（" + goal.items() + " 件）　評価 " + goal.rating().symbol()
                        + " " + goal.rating().word() + "（" + reported(goal) + "）");
                row.put("phase_summary", phaseSummary);
                if (i < goalKpis.size()) {
                    KpiRow k = goalKpis.get(i);
                    Status status = Status.valueOf(k.status());
                    row.put("kpi_name", k.name());
                    row.put("kpi_status", status.symbol() + " " + status.word());
                    row.put("kpi_explanation", explanation(k, status));
                }
                else if (i == 0) {
                    row.put("kpi_name", "（この目標の成果指標はない）");
                }
                if (i < goalMeasures.size()) {
                    RollupRow m = goalMeasures.get(i);
                    row.put("measure", m.label() + "　" + m.name());
                    row.put("measure_rating", m.rating().symbol() + " " + m.rating().word() + "\n" + reported(m));
                    row.put("measure_counts", counts(m.counts()));
                }
                rows.add(row);
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        parameters.put("PHASE", phaseText(plan, phases, year));
        parameters.put("SECTION_NOTE", "成果指標の状況：◎達成　○順調　△やや遅れ　▲遅れ　×悪化　－未評価。取組事項の状況："
                + legend() + "。" + rule + "。取組事項は再掲を元の取組事項と合わせて1件と数える。");
        return new ReviewPdf.Section("measure-goal-summary", "目標別の総括（成果指標と取組）", parameters, rows);
    }

    /** The 取組 of a goal in the plan's order (the roll-ups are stored goal by goal). */
    private static List<RollupRow> measuresOf(String goalId, List<RollupRow> rollups, List<ItemRow> items) {
        List<String> measureIds = items.stream().filter(i -> i.goalId().equals(goalId)).map(ItemRow::measureId)
            .distinct().toList();
        return rollups.stream().filter(u -> u.level().equals("measure") && measureIds.contains(u.refId())).toList();
    }

    /** 報告 2/6: the reported items among those the ward planned this year, beside a rating. */
    private static String reported(RollupRow u) {
        Map<Progress, Integer> c = u.counts();
        int planned = u.items() - c.get(Progress.NOT_WARD) - c.get(Progress.NOT_PLANNED);
        return "報告 " + (planned - c.get(Progress.NOT_REPORTED)) + "/" + planned;
    }

    private static String explanation(KpiRow k, Status status) {
        if (k.factorAnalysis() == null && k.nextSteps() == null) {
            return status == Status.BEHIND || status == Status.WORSENED ? "報告なし（説明が必要）" : "報告なし";
        }
        return (k.factorAnalysis() == null ? "" : "要因：" + k.factorAnalysis())
                + (k.factorAnalysis() != null && k.nextSteps() != null ? "\n" : "")
                + (k.nextSteps() == null ? "" : "方向性：" + k.nextSteps());
    }

    private static String kpiCounts(List<KpiRow> kpis) {
        if (kpis.isEmpty()) {
            return "なし";
        }
        Map<Status, Long> byStatus = kpis.stream().collect(Collectors.groupingBy(k -> Status.valueOf(k.status()),
                () -> new java.util.EnumMap<>(Status.class), Collectors.counting()));
        long explained = kpis.stream().filter(k -> k.factorAnalysis() != null || k.nextSteps() != null).count();
        return byStatus.entrySet().stream().map(e -> e.getKey().symbol() + e.getKey().word() + " " + e.getValue())
            .collect(Collectors.joining("・")) + "（" + kpis.size() + " 指標、要因分析の報告 " + explained + "）";
    }

    /** The non-zero counts in the roll-up's order: ○予定どおり 3・▲遅れ 1・－報告なし 5. */
    static String counts(Map<Progress, Integer> counts) {
        String text = counts.entrySet().stream().filter(e -> e.getValue() > 0)
            .map(e -> e.getKey().symbol() + e.getKey().word() + " " + e.getValue()).collect(Collectors.joining("・"));
        return text.isEmpty() ? "なし" : text;
    }

    private static String legend() {
        return java.util.Arrays.stream(Progress.values()).map(p -> p.symbol() + p.word())
            .collect(Collectors.joining("　")) + "（▲遅れ には未着手を含む）";
    }

    ReviewPdf.Section progress(FiscalYear year, Plan plan, List<ItemRow> items, List<RollupRow> rollups,
            Map<String, Object> common) {
        Map<String, RollupRow> measures = rollups.stream().filter(u -> u.level().equals("measure"))
            .collect(Collectors.toMap(RollupRow::refId, u -> u));
        Map<String, String> labelOf = labels(items);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ItemRow r : items) {
            Map<String, Object> row = new HashMap<>();
            row.put("goal", r.goalLabel() + "　" + r.goalName());
            RollupRow m = measures.get(r.measureId());
            row.put("measure", r.measureLabel() + "　" + r.measureName());
            row.put("measure_summary", m == null ? "" : "評価 " + m.rating().symbol() + " " + m.rating().word() + "　／　"
                    + counts(m.counts()) + "（" + m.items() + " 件）");
            row.put("activity", r.activityId() == null ? null : r.activityLabel() + "　" + r.activityName()
                    + (r.activityDepartments() == null ? "" : "　（関連部署：" + r.activityDepartments() + "）"));
            row.put("item", itemText(r, labelOf, false));
            row.put("planned", r.planned() + (r.yearsCertain() ? "" : " ※"));
            row.put("status", statusText(r));
            row.put("done", r.done());
            boolean unexplained = r.missingExplanation() != null;
            row.put("issues", blank(r.issues()) && unexplained ? "※記載なし（説明が必要）" : r.issues());
            row.put("next_steps", blank(r.nextSteps()) && unexplained ? "※記載なし（説明が必要）" : r.nextSteps());
            rows.add(row);
        }
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        parameters.put("SECTION_NOTE", "報告：" + legend() + "。取組事項の ◎は新規、○は拡充（DX推進計画では ◎新規・拡充、○推進）、"
                + "(国)(都) は国・都のスケジュール。今年度の予定の ※ は、原本からの抽出で年度の位置が失われ、読み取りに推定を含むもの。"
                + (items.stream().noneMatch(i -> i.status() != null) ? "この年度の部署からの報告はまだない（報告なし）。" : ""));
        return new ReviewPdf.Section("measure-progress", "取組の進捗状況", parameters, rows);
    }

    ReviewPdf.Section schedule(FiscalYear year, Plan plan, List<Phase> phases, List<ItemRow> items,
            Map<String, Object> common) {
        Map<String, String> labelOf = labels(items);
        int first = plan.firstFy();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ItemRow r : items) {
            Map<String, Object> row = new HashMap<>();
            row.put("measure", r.measureLabel() + "　" + r.measureName());
            row.put("activity", r.activityId() == null ? null : r.activityLabel() + "　" + r.activityName());
            String none = r.activityId() == null ? "（ロードマップの記載なし）" : "（スケジュールの記載なし）";
            row.put("item", itemText(r, labelOf, true) + (r.condition() != null ? "\n" + r.condition()
                    : r.schedule().isEmpty() && r.roadmap().isEmpty() ? "\n" + none : ""));
            for (int c = 0; c < 5; c++) {
                int y = first + c;
                String cell = y > plan.lastFy() ? "" : cell(r, y, phases);
                row.put("y" + c, y == year.year() ? "【" + (cell.isEmpty() ? "－" : cell) + "】" : cell);
            }
            row.put("status", statusText(r).replace("\n", " "));
            rows.add(row);
        }
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        for (int c = 0; c < 5; c++) {
            FiscalYear y = FiscalYear.of(first + c);
            parameters.put("Y" + c, first + c > plan.lastFy() ? "" : y.shortJapanese() + "年度"
                    + (first + c == year.year() ? "\n▼対象年度" : ""));
        }
        boolean roadmaps = items.stream().anyMatch(i -> !i.roadmap().isEmpty());
        parameters.put("SECTION_NOTE", (roadmaps
                ? "各年度の欄はロードマップの期ごとの内容（期の初年度に記載、〃は同じ期）。ロードマップが抽出で失われた施策は空欄。"
                : "各年度の欄は計画のスケジュールの段階（凡例：①検討（方針決定、予算要求）②準備（調達、構築）③稼働・実施・拡充 ④継続・推進）。")
                + (year.year() < first || year.year() > plan.lastFy() ? "対象年度は計画期間外。"
                        : "▼と【】が対象年度。")
                + "※ は原本からの抽出で年度の位置が失われ、読み取りに推定を含む行（DX推進室による確認が必要）。");
        return new ReviewPdf.Section("measure-schedule", "取組のスケジュールと今年度の報告", parameters, rows);
    }

    private static String cell(ItemRow r, int year, List<Phase> phases) {
        if (!r.schedule().isEmpty()) {
            return Schedule.words(r.schedule().in(year));
        }
        if (!r.roadmap().isEmpty()) {
            Phase phase = MeasureReview.phaseOf(phases, year);
            if (phase == null || r.roadmap().in(phase.name()) == null) {
                return "";
            }
            return year == phase.firstFy() ? phase.name() + "：" + r.roadmap().in(phase.name()) : "〃";
        }
        return "";
    }

    /** Item ids to the label of their 実施内容 (or 取組), to name what a 再掲 row repeats. */
    private static Map<String, String> labels(List<ItemRow> items) {
        Map<String, String> labels = new HashMap<>();
        for (ItemRow r : items) {
            labels.put(r.itemId(), r.activityLabel() != null ? r.activityLabel() : r.measureLabel());
        }
        return labels;
    }

    /** The item as printed, with its marks; {@code uncertain} adds ※ when its years are a reading. */
    private static String itemText(ItemRow r, Map<String, String> labelOf, boolean uncertain) {
        String owner = "state".equals(r.owner()) ? "(国) " : "tokyo".equals(r.owner()) ? "(都) " : "";
        String repeat = r.repeatOf() == null ? "" : "（" + labelOf.getOrDefault(r.repeatOf(), r.repeatOf()) + "の再掲）";
        return owner + (r.mark() == null ? "" : r.mark() + " ") + r.name() + repeat + (r.yearsCertain() || !uncertain ? "" : " ※")
                + (r.departments() == null ? "" : "\n（所管課：" + r.departments() + "）");
    }

    private static String statusText(ItemRow r) {
        if (r.status() != null) {
            return r.status().symbol() + " " + r.status().word() + (r.repeatOf() == null ? "" : "\n（再掲元）")
                    + (r.selfRating() == null ? "" : "\n自己評価 " + r.selfRating());
        }
        if (r.progress() == Progress.NOT_PLANNED && r.planned().startsWith("（計画期間外）")) {
            return r.progress().symbol() + " 計画期間外";
        }
        return r.progress().symbol() + " " + r.progress().word();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

}
