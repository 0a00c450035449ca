package jp.nakano.planreview.measures;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.measures.MeasureReview.Activity;
import jp.nakano.planreview.measures.MeasureReview.Goal;
import jp.nakano.planreview.measures.MeasureReview.Item;
import jp.nakano.planreview.measures.MeasureReview.ItemResult;
import jp.nakano.planreview.measures.MeasureReview.KpiStatus;
import jp.nakano.planreview.measures.MeasureReview.Measure;
import jp.nakano.planreview.measures.MeasureReview.Phase;
import jp.nakano.planreview.measures.MeasureReview.Progress;
import jp.nakano.planreview.measures.MeasureReview.Report;
import jp.nakano.planreview.measures.MeasureReview.Rollup;

/** The SQL of the measures review: the loaded schedule and reports of a run, and its results. */
public class MeasureRepository {

    private final JdbcTemplate jdbc;

    public MeasureRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan of the run with its period. */
    public record Plan(String planId, String name, int firstFy, int lastFy) {
    }

    public List<Plan> plans(long run, String only) {
        return jdbc.query("SELECT plan_id, name, first_fy, last_fy FROM in_plan WHERE run_id = ? AND NOT excluded"
                + (only == null ? "" : " AND plan_id = ?") + " ORDER BY source_line",
                (rs, i) -> new Plan(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                only == null ? new Object[] { run } : new Object[] { run, only });
    }

    public List<Phase> phases(long run, String planId) {
        return jdbc.query("SELECT phase, first_fy, last_fy FROM in_plan_phase WHERE run_id = ? AND plan_id = ? "
                + "AND NOT excluded ORDER BY first_fy", (rs, i) -> new Phase(rs.getString(1), rs.getInt(2), rs.getInt(3)),
                run, planId);
    }

    public List<Goal> goals(long run, String planId) {
        return jdbc.query("SELECT goal_id, label, name FROM in_goal WHERE run_id = ? AND plan_id = ? AND NOT excluded "
                + "ORDER BY seq, source_line", (rs, i) -> new Goal(rs.getString(1), rs.getString(2), rs.getString(3)),
                run, planId);
    }

    public List<Measure> measures(long run, String planId) {
        return jdbc.query("SELECT measure_id, goal_id, label, name FROM in_measure WHERE run_id = ? AND plan_id = ? "
                + "AND NOT excluded ORDER BY seq, source_line",
                (rs, i) -> new Measure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), run, planId);
    }

    public List<Activity> activities(long run, String planId) {
        return jdbc.query("""
                SELECT a.activity_id, a.measure_id, a.label, a.name, a.departments FROM in_measure_activity a
                JOIN in_measure m ON m.run_id = a.run_id AND m.measure_id = a.measure_id AND NOT m.excluded
                WHERE a.run_id = ? AND m.plan_id = ? AND NOT a.excluded ORDER BY m.seq, a.seq, a.source_line""",
                (rs, i) -> new Activity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), run, planId);
    }

    /** The plan's 取組事項 in the plan's order: 取組, 実施内容, row. */
    public List<Item> items(long run, String planId) {
        return jdbc.query("""
                SELECT i.item_id, i.measure_id, i.activity_id, i.name, i.mark, i.owner, i.repeat_of, i.departments,
                       i.schedule, i.roadmap, i.condition_text, i.years_certain, i.source_line
                FROM in_measure_item i
                JOIN in_measure m ON m.run_id = i.run_id AND m.measure_id = i.measure_id AND NOT m.excluded
                LEFT JOIN in_measure_activity a ON a.run_id = i.run_id AND a.activity_id = i.activity_id AND NOT a.excluded
                WHERE i.run_id = ? AND m.plan_id = ? AND NOT i.excluded
                ORDER BY m.seq, COALESCE(a.seq, 0), i.seq, i.source_line""", (rs, i) -> new Item(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Owner.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), rs.getString(7), rs.getString(8),
                Schedule.parse(rs.getString(9)), Roadmap.parse(rs.getString(10)), rs.getString(11),
                Boolean.TRUE.equals(rs.getObject(12)), rs.getLong(13)), run, planId);
    }

    /** The year's reports on the plan's items, by item id. */
    public Map<String, Report> reports(long run, String planId, int year) {
        Map<String, Report> reports = new LinkedHashMap<>();
        jdbc.query("""
                SELECT r.item_id, r.status, r.done, r.issues, r.next_steps, r.self_rating, r.reported_by, r.reported_on,
                       r.source_line
                FROM in_measure_report r
                JOIN in_measure_item i ON i.run_id = r.run_id AND i.item_id = r.item_id AND NOT i.excluded
                JOIN in_measure m ON m.run_id = i.run_id AND m.measure_id = i.measure_id AND NOT m.excluded
                WHERE r.run_id = ? AND m.plan_id = ? AND r.fiscal_year = ? AND NOT r.excluded""", rs -> {
            reports.put(rs.getString(1), new Report(rs.getString(1),
                    ReportedStatus.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), rs.getLong(9)));
        }, run, planId, year);
        return reports;
    }

    /** The plan's KPIs with their status in the year, and whether that status is a miss (遅れ, 悪化). */
    public List<KpiStatus> kpiStatuses(long run, String planId, int year) {
        return jdbc.query("SELECT kpi_id, name, status FROM res_kpi_attainment WHERE run_id = ? AND fiscal_year = ? "
                + "AND plan_id = ? ORDER BY sort_key", (rs, i) -> {
            String status = rs.getString(3);
            return new KpiStatus(rs.getString(1), rs.getString(2), status,
                    "BEHIND".equals(status) || "WORSENED".equals(status));
        }, run, year, planId);
    }

    /** The KPIs with a 要因分析 or 今後の方向性 for the year. */
    public Set<String> explainedKpis(long run, int year) {
        return new HashSet<>(jdbc.queryForList("SELECT kpi_id FROM in_kpi_explanation WHERE run_id = ? "
                + "AND fiscal_year = ? AND NOT excluded", String.class, run, year));
    }

    /** Schedule rows whose cells need the plan: stored as loaded, with the plan's period and phases. */
    public record ScheduleRow(String itemId, String planId, int firstFy, int lastFy, String schedule, String roadmap,
            long line) {
    }

    public List<ScheduleRow> scheduleRows(long run) {
        return jdbc.query("""
                SELECT i.item_id, p.plan_id, p.first_fy, p.last_fy, i.schedule, i.roadmap, i.source_line
                FROM in_measure_item i
                JOIN in_measure m ON m.run_id = i.run_id AND m.measure_id = i.measure_id AND NOT m.excluded
                JOIN in_plan p ON p.run_id = m.run_id AND p.plan_id = m.plan_id AND NOT p.excluded
                WHERE i.run_id = ? AND NOT i.excluded AND (i.schedule IS NOT NULL OR i.roadmap IS NOT NULL)
                ORDER BY i.source_line""", (rs, i) -> new ScheduleRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getInt(4), rs.getString(5), rs.getString(6), rs.getLong(7)), run);
    }

    /** A report on a 再掲 row: the department reports on the original. */
    public record RepeatReport(long line, String itemId, String repeatOf) {
    }

    public List<RepeatReport> reportsOnRepeats(long run) {
        return jdbc.query("""
                SELECT r.source_line, r.item_id, i.repeat_of FROM in_measure_report r
                JOIN in_measure_item i ON i.run_id = r.run_id AND i.item_id = r.item_id AND NOT i.excluded
                WHERE r.run_id = ? AND NOT r.excluded AND i.repeat_of IS NOT NULL ORDER BY r.source_line""",
                (rs, i) -> new RepeatReport(rs.getLong(1), rs.getString(2), rs.getString(3)), run);
    }

    public void excludeItem(long run, long line) {
        jdbc.update("UPDATE in_measure_item SET excluded = TRUE WHERE run_id = ? AND source_line = ?", run, line);
    }

    public void excludeReport(long run, long line) {
        jdbc.update("UPDATE in_measure_report SET excluded = TRUE WHERE run_id = ? AND source_line = ?", run, line);
    }

    /** Stores the item results and roll-ups of one plan for the year. */
    public void save(long run, int year, String planId, Map<String, String> goalOfMeasure, List<ItemResult> results,
            List<Rollup> rollups, String phase, String ratingRule) {
        List<Object[]> items = new ArrayList<>();
        int sort = nextSortKey(run, year, "res_measure_item");
        for (ItemResult r : results) {
            Item item = r.item();
            Report rep = r.report();
            items.add(new Object[] { run, year, sort++, planId, goalOfMeasure.get(item.measureId()), item.measureId(),
                item.activityId(), item.itemId(), item.name(), item.mark(), item.owner().name().toLowerCase(Locale.ROOT),
                item.repeatOf(), item.departments(), item.schedule().isEmpty() ? null : item.schedule().cell(),
                item.roadmap().isEmpty() ? null : item.roadmap().cell(), item.yearsCertain(), r.planned(),
                r.progress().name(), rep == null ? null : rep.status().name().toLowerCase(Locale.ROOT),
                rep == null ? null : rep.done(), rep == null ? null : rep.issues(), rep == null ? null : rep.nextSteps(),
                rep == null ? null : rep.selfRating(), rep == null ? null : rep.reportedBy(),
                rep == null ? null : Date.valueOf(rep.reportedOn()), r.missingExplanation(), item.sourceLine() });
        }
        jdbc.batchUpdate("""
                INSERT INTO res_measure_item (run_id, fiscal_year, sort_key, plan_id, goal_id, measure_id, activity_id,
                    item_id, name, mark, owner, repeat_of, departments, schedule, roadmap, years_certain, planned, progress,
                    status, done, issues, next_steps, self_rating, reported_by, reported_on, missing_explanation, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items);
        List<Object[]> rows = new ArrayList<>();
        sort = nextSortKey(run, year, "res_measure_rollup");
        for (Rollup u : rollups) {
            Map<Progress, Integer> c = u.counts();
            rows.add(new Object[] { run, year, sort++, planId, u.level(), u.id(), u.label(), u.name(), u.items(),
                c.get(Progress.ON_SCHEDULE), c.get(Progress.AHEAD), c.get(Progress.BEHIND), c.get(Progress.STOPPED),
                c.get(Progress.DONE), c.get(Progress.NOT_REPORTED), c.get(Progress.NOT_WARD), c.get(Progress.NOT_PLANNED),
                u.rating().name(), phase, ratingRule });
        }
        jdbc.batchUpdate("""
                INSERT INTO res_measure_rollup (run_id, fiscal_year, sort_key, plan_id, level_name, ref_id, label, name,
                    items, on_schedule, ahead, behind, stopped, done, not_reported, not_ward, not_planned, rating, phase,
                    rating_rule)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }


    /** A reviewed 取組事項 with the names of its goal, 取組 and 実施内容, as the outputs show it. */
    public record ItemRow(String planId, String goalId, String goalLabel, String goalName, String measureId,
            String measureLabel, String measureName, String activityId, String activityLabel, String activityName,
            String activityDepartments, String itemId, String name, String mark, String owner, String repeatOf,
            String departments, Schedule schedule, Roadmap roadmap, boolean yearsCertain, String planned,
            Progress progress, ReportedStatus status, String done, String issues, String nextSteps, String selfRating,
            String reportedBy, java.time.LocalDate reportedOn, String missingExplanation, long sourceLine,
            String condition) {
    }

    public List<ItemRow> itemRows(long run, int year, String planId) {
        return jdbc.query("""
                SELECT r.plan_id, r.goal_id, g.label, g.name, r.measure_id, m.label, m.name, r.activity_id, a.label, a.name,
                       a.departments, r.item_id, r.name, r.mark, r.owner, r.repeat_of, r.departments, r.schedule, r.roadmap,
                       r.years_certain, r.planned, r.progress, r.status, r.done, r.issues, r.next_steps, r.self_rating,
                       r.reported_by, r.reported_on, r.missing_explanation, r.source_line, i.condition_text
                FROM res_measure_item r
                LEFT JOIN in_measure_item i ON i.run_id = r.run_id AND i.item_id = r.item_id AND NOT i.excluded
                JOIN in_goal g ON g.run_id = r.run_id AND g.goal_id = r.goal_id AND NOT g.excluded
                JOIN in_measure m ON m.run_id = r.run_id AND m.measure_id = r.measure_id AND NOT m.excluded
                LEFT JOIN in_measure_activity a ON a.run_id = r.run_id AND a.activity_id = r.activity_id AND NOT a.excluded
                WHERE r.run_id = ? AND r.fiscal_year = ? AND r.plan_id = ? ORDER BY r.sort_key""", (rs, i) -> new ItemRow(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                Schedule.parse(rs.getString(18)), Roadmap.parse(rs.getString(19)), Boolean.TRUE.equals(rs.getObject(20)),
                rs.getString(21), Progress.valueOf(rs.getString(22)),
                rs.getString(23) == null ? null : ReportedStatus.valueOf(rs.getString(23).toUpperCase(Locale.ROOT)),
                rs.getString(24), rs.getString(25), rs.getString(26), rs.getString(27), rs.getString(28),
                rs.getDate(29) == null ? null : rs.getDate(29).toLocalDate(), rs.getString(30), rs.getLong(31),
                rs.getString(32)),
                run, year, planId);
    }

    /** A stored roll-up. */
    public record RollupRow(String level, String refId, String label, String name, int items,
            Map<Progress, Integer> counts, MeasureReview.Rating rating, String phase, String ratingRule) {
    }

    public List<RollupRow> rollupRows(long run, int year, String planId) {
        return jdbc.query("""
                SELECT level_name, ref_id, label, name, items, on_schedule, ahead, behind, stopped, done, not_reported,
                       not_ward, not_planned, rating, phase, rating_rule
                FROM res_measure_rollup WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""",
                (rs, i) -> {
                    Map<Progress, Integer> counts = new java.util.EnumMap<>(Progress.class);
                    Progress[] order = { Progress.ON_SCHEDULE, Progress.AHEAD, Progress.BEHIND, Progress.STOPPED,
                        Progress.DONE, Progress.NOT_REPORTED, Progress.NOT_WARD, Progress.NOT_PLANNED };
                    for (int c = 0; c < order.length; c++) {
                        counts.put(order[c], rs.getInt(6 + c));
                    }
                    return new RollupRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), counts, MeasureReview.Rating.valueOf(rs.getString(14)), rs.getString(15),
                            rs.getString(16));
                }, run, year, planId);
    }

    /** A KPI's status in the year with its goal and the department's explanation, if any. */
    public record KpiRow(String goalId, String kpiId, String name, String status, String factorAnalysis,
            String nextSteps) {
    }

    public List<KpiRow> kpiRows(long run, int year, String planId) {
        return jdbc.query("""
                SELECT a.goal_id, a.kpi_id, a.name, a.status, e.factor_analysis, e.next_steps FROM res_kpi_attainment a
                LEFT JOIN in_kpi_explanation e ON e.run_id = a.run_id AND e.kpi_id = a.kpi_id AND e.fiscal_year = a.fiscal_year
                    AND NOT e.excluded
                WHERE a.run_id = ? AND a.fiscal_year = ? AND a.plan_id = ? ORDER BY a.sort_key""",
                (rs, i) -> new KpiRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), run, year, planId);
    }

    /** Whether the run reviewed the plan's measures (it has 取組事項). */
    public boolean hasItems(long run, int year, String planId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM res_measure_item WHERE run_id = ? AND fiscal_year = ? "
                + "AND plan_id = ?", Integer.class, run, year, planId);
        return n != null && n > 0;
    }

    /** Every stored item of the run and year, for the CSV file, in plan order. */
    public List<String> planIds(long run, int year) {
        return jdbc.queryForList("SELECT DISTINCT r.plan_id, p.source_line FROM res_measure_item r JOIN in_plan p "
                + "ON p.run_id = r.run_id AND p.plan_id = r.plan_id WHERE r.run_id = ? AND r.fiscal_year = ? "
                + "ORDER BY p.source_line", run, year).stream().map(m -> (String) m.get("plan_id")).toList();
    }

    private int nextSortKey(long run, int year, String table) {
        Integer max = jdbc.queryForObject("SELECT MAX(sort_key) FROM " + table + " WHERE run_id = ? AND fiscal_year = ?",
                Integer.class, run, year);
        return max == null ? 1 : max + 1;
    }

}
