package jp.nakano.planreview.review;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.attainment.ActualPlausibility;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.FigureColumns;
import jp.nakano.planreview.eprocedure.FigureQueries;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.CsvRowReader;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/**
 * The checks across rows and files of one run's loaded input, as set-based SQL so they scale with the
 * input: duplicate keys and unknown ids leave the rows out (errors), figures outside a plan period are
 * kept (warnings), implausible figures are warnings unless their own wording proves the mistake. The rows
 * left out get their whole record in their findings, and every file's counts add up: read = loaded +
 * rejected + left out. Table and column names are constants; values are always bound parameters.
 */
class CrossChecks {

    private static final Logger log = LoggerFactory.getLogger(CrossChecks.class);

    /** The identifying columns of each input table, in load order. */
    private record KeyedTable(String table, String file, List<String> key) {
    }

    private static final List<KeyedTable> KEYS = List.of(
            new KeyedTable("in_plan", "plans.csv", List.of("plan_id")),
            new KeyedTable("in_plan_phase", "plan-phases.csv", List.of("plan_id", "phase")),
            new KeyedTable("in_goal", "goals.csv", List.of("goal_id")),
            new KeyedTable("in_measure", "measures.csv", List.of("measure_id")),
            new KeyedTable("in_kpi", "kpis.csv", List.of("kpi_id")),
            new KeyedTable("in_kpi_target", "kpi-targets.csv", List.of("kpi_id", "fiscal_year", "kind")),
            new KeyedTable("in_kpi_actual", "kpi-actuals.csv", List.of("kpi_id", "fiscal_year")),
            new KeyedTable("in_eprocedure_figure", "eprocedure-figures.csv", List.of("fiscal_year", "row_id")),
            new KeyedTable("in_measure_activity", "measure-activities.csv", List.of("activity_id")),
            new KeyedTable("in_measure_item", "measure-items.csv", List.of("item_id")),
            new KeyedTable("in_measure_report", "measure-reports.csv", List.of("fiscal_year", "item_id")),
            new KeyedTable("in_kpi_explanation", "kpi-explanations.csv", List.of("kpi_id", "fiscal_year")));

    private static final String FIGURES = "in_eprocedure_figure";

    private final JdbcTemplate jdbc;

    private final FindingRecorder findings;

    private final long runId;

    /** The folder the run read, to give the rows left out their whole record; {@code null} leaves it out. */
    private final Path inputDir;

    /**
     * The tables these checks left rows out of (nothing else does before them): the others need no pass over
     * their rows to find the rows left out (issue 16: two passes over 1,000,000 e-procedure rows).
     */
    private final Set<String> tablesWithRowsLeftOut = new HashSet<>();

    /**
     * The e-procedure rows in columns: their checks are one pass in memory each, not a query over every row
     * (issue 16); the rows they leave out are marked there as in the database.
     */
    private final FigureColumns figures;

    CrossChecks(JdbcTemplate jdbc, FindingRecorder findings, long runId, FigureColumns figures) {
        this(jdbc, findings, runId, null, figures);
    }

    CrossChecks(JdbcTemplate jdbc, FindingRecorder findings, long runId, Path inputDir, FigureColumns figures) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.runId = runId;
        this.inputDir = inputDir;
        this.figures = figures;
    }

    /** Runs every check; returns the number of findings made. */
    int run() {
        int count = 0;
        for (KeyedTable t : KEYS) {
            count += duplicates(t);
        }
        count += unknownIds();
        count += outsidePlanPeriod();
        count += baselinesWithoutYear();
        count += actualsOfAnotherDefinition();
        count += inconsistentTargets();
        count += severalWardTotals();
        count += implausibleActuals();
        count += runningTotalsThatDecrease();
        count += implausibleReceiptChanges();
        count += totalsTypedAsSystems();
        if (inputDir != null) {
            rawRecordsOfRowsLeftOut();
        }
        recount();
        return count;
    }

    private int duplicates(KeyedTable t) {
        String keyList = String.join(", ", t.key());
        String sameKey = t.key().stream().map(k -> "u." + k + " = t." + k).collect(Collectors.joining(" AND "));
        // a row is its file and line: the rows of a collection workbook share line numbers with the CSV file's
        String sql = "SELECT t.source_file, t.source_line, " + t.key().stream().map(k -> "t." + k).collect(Collectors.joining(", "))
                + " FROM " + t.table() + " t WHERE t.run_id = ? AND NOT t.excluded AND EXISTS (SELECT 1 FROM "
                + t.table() + " u WHERE u.run_id = t.run_id AND NOT u.excluded AND " + sameKey
                + " AND (u.source_line <> t.source_line OR u.source_file <> t.source_file)) ORDER BY "
                + keyList.replaceAll("(\\w+)", "t.$1") + ", t.source_line, t.source_file";
        Map<String, List<RowAt>> rowsByKey = new LinkedHashMap<>();
        Map<RowAt, Integer> figureRows = new HashMap<>();
        if (t.table().equals(FIGURES)) {
            for (List<Integer> same : new FigureQueries(figures).duplicateKeys()) {
                String key = "fiscal_year=" + figures.year(same.get(0)) + ", row_id=" + figures.rowId(same.get(0));
                for (int i : same) {
                    RowAt at = new RowAt(figures.file(i), figures.line(i), figures.year(i));
                    rowsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
                    figureRows.put(at, i);
                }
            }
        }
        else {
            jdbc.query(sql, rs -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < t.key().size(); i++) {
                    parts.add(t.key().get(i) + "=" + rs.getString(i + 3));
                }
                rowsByKey.computeIfAbsent(String.join(", ", parts), k -> new ArrayList<>())
                    .add(new RowAt(rs.getString(1), rs.getLong(2),
                            t.key().contains("fiscal_year") ? rs.getInt(3 + t.key().indexOf("fiscal_year")) : null));
            }, runId);
        }
        int count = 0;
        for (Map.Entry<String, List<RowAt>> e : rowsByKey.entrySet()) {
            for (RowAt row : e.getValue()) {
                List<RowAt> others = e.getValue().stream().filter(o -> !o.equals(row)).toList();
                findings.add(Finding.of(Severity.ERROR, "key.duplicate", row.file(), row.line(), keyList, e.getKey(),
                        "キー（" + e.getKey() + "）が重複（ほかに " + others.stream()
                            .map(o -> o.file().equals(row.file()) ? o.line() + "" : o.file() + " " + o.line())
                            .collect(Collectors.joining(", ")) + " 行目）。どれが正しいか判断できないため、該当する"
                                + e.getValue().size() + "行すべてを取り込まない"));
                exclude(t.table(), row, figureRows.get(row));
                count++;
            }
        }
        return count;
    }

    /**
     * Where an input row is: its file (a CSV file, or a workbook and sheet) and line, and its fiscal year where
     * the check knows it: the e-procedure rows are found by year and line (their table has no index by line
     * alone, which would cost every load of a large file a third more: issue 16).
     */
    private record RowAt(String file, long line, Integer year) {

        RowAt(String file, long line) {
            this(file, line, null);
        }

    }

    /** A reference from one input table to another: rows whose condition holds point at nothing. */
    private record Reference(String table, String file, String column, String condition, String message) {
    }

    private static final String PLAN_EXISTS = "EXISTS (SELECT 1 FROM in_plan p WHERE p.run_id = t.run_id AND NOT p.excluded AND p.plan_id = t.plan_id)";

    private static final String UNKNOWN_PLAN = "plans.csv にない計画ID";

    /** In load order, so a row left out for an unknown id is unknown to the rows that refer to it. */
    private static final List<Reference> REFERENCES = List.of(
            new Reference("in_plan_phase", "plan-phases.csv", "plan_id", "NOT " + PLAN_EXISTS, UNKNOWN_PLAN),
            new Reference("in_goal", "goals.csv", "plan_id", "NOT " + PLAN_EXISTS, UNKNOWN_PLAN),
            new Reference("in_measure", "measures.csv", "plan_id", "NOT " + PLAN_EXISTS, UNKNOWN_PLAN),
            new Reference("in_measure", "measures.csv", "goal_id",
                    "NOT EXISTS (SELECT 1 FROM in_goal g WHERE g.run_id = t.run_id AND NOT g.excluded AND g.goal_id = t.goal_id AND g.plan_id = t.plan_id)",
                    "goals.csv にこの計画の目標として定義されていない目標ID"),
            new Reference("in_kpi", "kpis.csv", "plan_id", "t.plan_id IS NOT NULL AND NOT " + PLAN_EXISTS, UNKNOWN_PLAN),
            new Reference("in_kpi", "kpis.csv", "goal_id",
                    "t.goal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM in_goal g WHERE g.run_id = t.run_id AND NOT g.excluded AND g.goal_id = t.goal_id AND g.plan_id = t.plan_id)",
                    "goals.csv にこの成果指標の計画の目標として定義されていない目標ID"),
            new Reference("in_kpi", "kpis.csv", "measure_id",
                    "t.measure_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM in_measure m WHERE m.run_id = t.run_id AND NOT m.excluded AND m.measure_id = t.measure_id AND m.goal_id = t.goal_id)",
                    "measures.csv にこの成果指標の目標の取組として定義されていない取組ID"),
            new Reference("in_kpi_target", "kpi-targets.csv", "kpi_id",
                    "NOT EXISTS (SELECT 1 FROM in_kpi k WHERE k.run_id = t.run_id AND NOT k.excluded AND k.kpi_id = t.kpi_id)",
                    "kpis.csv にない成果指標ID"),
            new Reference("in_kpi_actual", "kpi-actuals.csv", "kpi_id",
                    "NOT EXISTS (SELECT 1 FROM in_kpi k WHERE k.run_id = t.run_id AND NOT k.excluded AND k.kpi_id = t.kpi_id)",
                    "kpis.csv にない成果指標ID"),
            new Reference("in_eprocedure_figure", "eprocedure-figures.csv", "parent_id",
                    "t.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM in_eprocedure_figure s WHERE s.run_id = t.run_id AND NOT s.excluded AND s.fiscal_year = t.fiscal_year AND s.row_id = t.parent_id AND s.row_level = 'system')",
                    "同じ年度にこの row_id のシステム行がない"),
            new Reference("in_measure_activity", "measure-activities.csv", "measure_id",
                    "NOT EXISTS (SELECT 1 FROM in_measure m WHERE m.run_id = t.run_id AND NOT m.excluded AND m.measure_id = t.measure_id)",
                    "measures.csv にない取組ID"),
            new Reference("in_measure_item", "measure-items.csv", "measure_id",
                    "NOT EXISTS (SELECT 1 FROM in_measure m WHERE m.run_id = t.run_id AND NOT m.excluded AND m.measure_id = t.measure_id)",
                    "measures.csv にない取組ID（取組事項はどれかの取組に属する）"),
            new Reference("in_measure_item", "measure-items.csv", "activity_id",
                    "t.activity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM in_measure_activity a WHERE a.run_id = t.run_id AND NOT a.excluded AND a.activity_id = t.activity_id AND a.measure_id = t.measure_id)",
                    "measure-activities.csv にこの取組の実施内容として定義されていない実施内容ID"),
            new Reference("in_measure_item", "measure-items.csv", "repeat_of",
                    "t.repeat_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM in_measure_item r WHERE r.run_id = t.run_id AND NOT r.excluded AND r.item_id = t.repeat_of AND r.repeat_of IS NULL)",
                    "measure-items.csv にない（または自身が再掲の）取組事項ID"),
            new Reference("in_measure_report", "measure-reports.csv", "item_id",
                    "NOT EXISTS (SELECT 1 FROM in_measure_item i WHERE i.run_id = t.run_id AND NOT i.excluded AND i.item_id = t.item_id)",
                    "measure-items.csv のスケジュールにない取組事項ID"),
            new Reference("in_kpi_explanation", "kpi-explanations.csv", "kpi_id",
                    "NOT EXISTS (SELECT 1 FROM in_kpi k WHERE k.run_id = t.run_id AND NOT k.excluded AND k.kpi_id = t.kpi_id AND k.plan_id IS NOT NULL)",
                    "kpis.csv にない（または計画に属さない参考指標の）成果指標ID"));

    private int unknownIds() {
        int count = 0;
        for (Reference r : REFERENCES) {
            count += unknown(r);
        }
        return count;
    }

    private int unknown(Reference r) {
        List<Object[]> rows = r.table().equals(FIGURES) ? unknownSystems()
                : jdbc.query("SELECT t.source_line, t." + r.column() + ", t.source_file FROM " + r.table()
                        + " t WHERE t.run_id = ? AND NOT t.excluded AND " + r.condition()
                        + " ORDER BY t.source_line, t.source_file",
                        (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) }, runId);
        for (Object[] row : rows) {
            RowAt at = new RowAt((String) row[2], (Long) row[0], row.length > 3 ? (Integer) row[3] : null);
            findings.add(Finding.of(Severity.ERROR, "key.unknown", at.file(), at.line(), r.column(), (String) row[1],
                    r.message() + "。この行は取り込まない"));
            exclude(r.table(), at, row.length > 4 ? (Integer) row[4] : null);
        }
        return rows.size();
    }

    /** The e-procedure rows under a system the year does not have, as the reference's condition finds them. */
    private List<Object[]> unknownSystems() {
        List<Object[]> rows = new ArrayList<>();
        for (int i : new FigureQueries(figures).rowsUnderUnknownSystems()) {
            rows.add(new Object[] { figures.line(i), figures.parentId(i), figures.file(i), figures.year(i), i });
        }
        return rows;
    }

    private int outsidePlanPeriod() {
        List<Object[]> rows = jdbc.query("""
                SELECT a.source_line, a.kpi_id, a.fiscal_year, p.plan_id, p.first_fy, p.last_fy, k.baseline_fy,
                       a.source_file
                FROM in_kpi_actual a
                JOIN in_kpi k ON k.run_id = a.run_id AND k.kpi_id = a.kpi_id AND NOT k.excluded
                JOIN in_plan p ON p.run_id = k.run_id AND p.plan_id = k.plan_id AND NOT p.excluded
                WHERE a.run_id = ? AND NOT a.excluded
                  AND (a.fiscal_year < p.first_fy OR a.fiscal_year > p.last_fy)
                  AND (k.baseline_fy IS NULL OR a.fiscal_year <> k.baseline_fy)
                ORDER BY a.source_line""",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getObject(7), rs.getString(8) },
                runId);
        for (Object[] r : rows) {
            findings.add(Finding.of(Severity.WARNING, "period.outside-plan", (String) r[7], (Long) r[0],
                    "fiscal_year", "FY" + r[2],
                    r[1] + " の" + fy(r[2]) + "の実績は計画 " + r[3] + " の期間（" + fy(r[4]) + "〜" + fy(r[5])
                            + "）外" + (r[6] == null ? "" : "で、現状値の年度（" + fy(r[6]) + "）でもない")
                            + "。参考として保持し、評価には使わない"));
        }
        List<int[]> periods = jdbc.query("SELECT first_fy, last_fy FROM in_plan WHERE run_id = ? AND NOT excluded",
                (rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) }, runId);
        Set<Integer> baselineYears = new HashSet<>(jdbc.queryForList("""
                SELECT baseline_fy FROM in_kpi WHERE run_id = ? AND NOT excluded AND plan_id IS NOT NULL
                  AND baseline_fy IS NOT NULL""", Integer.class, runId));
        int outside = 0;
        for (FigureQueries.YearRows y : new FigureQueries(figures).years()) {
            if (baselineYears.contains(y.year())
                    || periods.stream().anyMatch(p -> y.year() >= p[0] && y.year() <= p[1])) {
                continue;
            }
            findings.add(Finding.of(Severity.WARNING, "period.outside-plans", "eprocedure-figures.csv", y.firstLine(),
                    "fiscal_year", "FY" + y.year(), fy(y.year()) + "の電子手続の行（" + y.rows()
                            + "行）はどの計画の期間・現状値の年度にも当たらない。保持して表には載せる"));
            outside++;
        }
        return rows.size() + outside;
    }

    private int baselinesWithoutYear() {
        List<Object[]> rows = jdbc.query("""
                SELECT source_line, kpi_id, baseline_text FROM in_kpi
                WHERE run_id = ? AND NOT excluded AND baseline_value IS NOT NULL AND baseline_fy IS NULL
                ORDER BY source_line""", (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) },
                runId);
        for (Object[] r : rows) {
            findings.add(Finding.of(Severity.WARNING, "kpi.baseline-without-year", "kpis.csv", (Long) r[0],
                    "baseline_fy", "", r[1] + " の現状値" + (r[2] == null ? "" : "「" + r[2] + "」") + "に年度がない。計画に記載がないため、"
                            + "DX推進担当が年度を確認するまで、計画開始の前年度の値として評価する"));
        }
        return rows.size();
    }

    private int actualsOfAnotherDefinition() {
        List<Object[]> rows = jdbc.query("""
                SELECT a.source_line, a.kpi_id, a.fiscal_year, a.unit, a.definition, k.unit, k.definition, a.source_file
                FROM in_kpi_actual a JOIN in_kpi k ON k.run_id = a.run_id AND k.kpi_id = a.kpi_id AND NOT k.excluded
                WHERE a.run_id = ? AND NOT a.excluded
                  AND ((a.unit IS NOT NULL AND (k.unit IS NULL OR a.unit <> k.unit))
                    OR (a.definition IS NOT NULL AND (k.definition IS NULL OR a.definition <> k.definition)))
                ORDER BY a.source_line""",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8) },
                runId);
        for (Object[] r : rows) {
            boolean unit = r[3] != null && !r[3].equals(r[5]);
            findings.add(Finding.of(Severity.WARNING, "kpi.definition-changed", (String) r[7], (Long) r[0],
                    unit ? "unit" : "definition", (String) (unit ? r[3] : r[4]),
                    r[1] + " の" + fy(r[2]) + "の実績は成果指標と" + (unit ? "単位" : "定義") + "が異なる（指標は「"
                            + (unit ? r[5] : r[6]) + "」）。目標とは比較しない"));
        }
        return rows.size();
    }

    private int inconsistentTargets() {
        List<Object[]> rows = jdbc.query("""
                SELECT t.source_line, t.kpi_id, t.fiscal_year, t.kind, t.target_value, t.is_relative, k.direction,
                       CASE WHEN k.baseline_fy IS NOT NULL AND COALESCE(k.baseline_status, '') <> 'not_started'
                            THEN k.baseline_fy
                            WHEN (k.baseline_status = 'not_started' OR k.baseline_value IS NOT NULL)
                            THEN (SELECT p.first_fy - 1 FROM in_plan p WHERE p.run_id = k.run_id
                                  AND p.plan_id = k.plan_id AND NOT p.excluded) END AS base_fy,
                       k.baseline_value,
                       (SELECT MAX(f.fiscal_year) FROM in_kpi_target f WHERE f.run_id = t.run_id AND f.kpi_id = t.kpi_id
                        AND f.kind = 'final' AND NOT f.excluded) AS final_fy,
                       (SELECT COUNT(*) FROM in_kpi_target f WHERE f.run_id = t.run_id AND f.kpi_id = t.kpi_id
                        AND f.kind = 'final' AND NOT f.excluded) AS finals
                FROM in_kpi_target t JOIN in_kpi k ON k.run_id = t.run_id AND k.kpi_id = t.kpi_id AND NOT k.excluded
                WHERE t.run_id = ? AND NOT t.excluded ORDER BY t.source_line""",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBoolean(6), rs.getString(7), rs.getObject(8), rs.getBigDecimal(9),
                        rs.getObject(10), rs.getLong(11) },
                runId);
        int count = 0;
        for (Object[] r : rows) {
            long line = (Long) r[0];
            String kpi = (String) r[1];
            int year = (Integer) r[2];
            String kind = (String) r[3];
            java.math.BigDecimal value = (java.math.BigDecimal) r[4];
            Integer finalFy = r[9] == null ? null : ((Number) r[9]).intValue();
            Integer baselineFy = r[7] == null ? null : ((Number) r[7]).intValue();
            java.math.BigDecimal baseline = (java.math.BigDecimal) r[8];
            String problem = null;
            boolean beforeBase = baselineFy != null && ("final".equals(kind) ? year <= baselineFy
                    : !"pace".equals(kind) && year < baselineFy);
            if (beforeBase) {
                // the target cannot be reached from a baseline after it: the KPI is not rated (AttainmentCalculator)
                findings.add(Finding.of(Severity.ERROR, "kpi.target-before-baseline", "kpi-targets.csv", line,
                        "fiscal_year", "FY" + year, kpi + " の" + fy(year) + "の目標（" + kind + "）が現状値の年度（"
                                + fy(baselineFy) + "）" + ("final".equals(kind) ? "より後になっていない" : "より前")
                                + "。年度の誤りを直すまで、この成果指標は未評価とする"));
                count++;
                continue;
            }
            if ("final".equals(kind) && (Long) r[10] > 1 && year != finalFy) {
                problem = kpi + " に最終目標が" + r[10] + "件ある。最も後の" + fy(finalFy) + "のものを使う";
            }
            else if (!"final".equals(kind) && !"pace".equals(kind) && finalFy != null && year > finalFy) {
                problem = kpi + " の" + fy(year) + "の目標（" + kind + "）は最終目標（"
                        + fy(finalFy) + "）より後のため使わない";
            }
            else if ("final".equals(kind) && !(Boolean) r[5] && baseline != null) {
                int cmp = value.compareTo(baseline);
                if ("higher".equals(r[6]) ? cmp < 0 : cmp > 0) {
                    problem = kpi + " の最終目標が現状値より悪い（指標の向きは "
                            + r[6] + "）。direction の設定を確認する";
                }
            }
            if (problem != null) {
                findings.add(Finding.of(Severity.WARNING, "kpi.targets-inconsistent", "kpi-targets.csv", line,
                        "fiscal_year", "FY" + year, problem));
                count++;
            }
        }
        return count;
    }

    private int severalWardTotals() {
        List<Object[]> rows = jdbc.query("""
                SELECT fiscal_year, COUNT(*), MIN(source_line) FROM in_eprocedure_figure
                WHERE run_id = ? AND NOT excluded AND row_level = 'total'
                GROUP BY fiscal_year HAVING COUNT(*) > 1 ORDER BY fiscal_year""",
                (rs, i) -> new Object[] { rs.getInt(1), rs.getLong(2), rs.getLong(3) }, runId);
        for (Object[] r : rows) {
            findings.add(Finding.of(Severity.WARNING, "eprocedure.several-totals", "eprocedure-figures.csv",
                    (Long) r[2], "level", "total", fy(r[0]) + "に区全体の行が" + r[1]
                            + "行ある。算出する成果指標には最初の行（この行）を使う"));
        }
        return rows.size();
    }

    /**
     * Each entered KPI actual against its KPI: unit, baseline, absolute targets and the year before
     * ({@link ActualPlausibility}). An error (the wording proves a rate typed as a fraction) leaves the row out.
     */
    private int implausibleActuals() {
        Map<String, List<BigDecimal>> references = new HashMap<>();
        jdbc.query("""
                SELECT k.kpi_id, k.baseline_value FROM in_kpi k WHERE k.run_id = ? AND NOT k.excluded
                ORDER BY k.kpi_id""", rs -> {
            List<BigDecimal> values = references.computeIfAbsent(rs.getString(1), id -> new ArrayList<>());
            if (rs.getBigDecimal(2) != null) {
                values.add(rs.getBigDecimal(2));
            }
        }, runId);
        jdbc.query("""
                SELECT t.kpi_id, t.target_value FROM in_kpi_target t WHERE t.run_id = ? AND NOT t.excluded
                  AND NOT t.is_relative AND t.kind <> 'pace' ORDER BY t.kpi_id, t.source_line""",
                rs -> {
                    references.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getBigDecimal(2));
                }, runId);
        List<Object[]> rows = jdbc.query("""
                SELECT a.source_line, a.kpi_id, a.fiscal_year, a.actual_value, a.value_text, k.unit, a.unit, a.as_of,
                       k.basis, k.cumulative_entry,
                       (SELECT MIN(b.actual_value) FROM in_kpi_actual b WHERE b.run_id = a.run_id AND b.kpi_id = a.kpi_id
                        AND b.fiscal_year = a.fiscal_year - 1 AND NOT b.excluded AND b.as_of IS NULL
                        AND (b.unit IS NULL OR b.unit = k.unit)) AS previous, a.source_file
                FROM in_kpi_actual a JOIN in_kpi k ON k.run_id = a.run_id AND k.kpi_id = a.kpi_id AND NOT k.excluded
                WHERE a.run_id = ? AND NOT a.excluded ORDER BY a.source_file, a.source_line""",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getBigDecimal(11), rs.getString(12) },
                runId);
        int count = 0;
        for (Object[] r : rows) {
            String kpi = (String) r[1];
            String actualUnit = (String) r[6];
            if (actualUnit != null && !actualUnit.equals(r[5])) {
                continue; // another unit: not compared (kpi.definition-changed says so)
            }
            boolean increment = "cumulative".equals(r[8]) && "increment".equals(r[9]);
            ActualPlausibility.Actual actual = new ActualPlausibility.Actual(kpi, FiscalYear.of((Integer) r[2]),
                    Decimals.normalise((BigDecimal) r[3]), (String) r[4], (String) r[5], actualUnit,
                    references.getOrDefault(kpi, List.of()), (BigDecimal) r[10], r[7] != null, increment);
            for (ActualPlausibility.Problem p : ActualPlausibility.check(actual)) {
                findings.add(Finding.of(p.error() ? Severity.ERROR : Severity.WARNING, p.code(), (String) r[11],
                        (Long) r[0], p.field(), Decimals.plain(actual.value()), p.message()));
                if (p.error()) {
                    exclude("in_kpi_actual", new RowAt((String) r[11], (Long) r[0]));
                }
                count++;
            }
        }
        return count;
    }

    /**
     * A 累計 KPI entered as a running total can only grow: a year below the latest year before it is an
     * error naming both, and the later row is left out (the earlier may be the wrong one: the message says so).
     */
    private int runningTotalsThatDecrease() {
        List<Object[]> rows = jdbc.query("""
                SELECT a.source_line, a.kpi_id, a.fiscal_year, a.actual_value, b.fiscal_year, b.actual_value, b.source_line,
                       a.source_file, b.source_file
                FROM in_kpi_actual a
                JOIN in_kpi k ON k.run_id = a.run_id AND k.kpi_id = a.kpi_id AND NOT k.excluded
                JOIN in_kpi_actual b ON b.run_id = a.run_id AND b.kpi_id = a.kpi_id AND NOT b.excluded
                 AND b.fiscal_year = (SELECT MAX(c.fiscal_year) FROM in_kpi_actual c WHERE c.run_id = a.run_id
                                      AND c.kpi_id = a.kpi_id AND NOT c.excluded AND c.fiscal_year < a.fiscal_year)
                WHERE a.run_id = ? AND NOT a.excluded AND k.basis = 'cumulative' AND k.cumulative_entry = 'running_total'
                  AND a.actual_value < b.actual_value
                ORDER BY a.source_file, a.source_line""",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getInt(5), rs.getBigDecimal(6), rs.getLong(7), rs.getString(8), rs.getString(9) },
                runId);
        for (Object[] r : rows) {
            findings.add(Finding.of(Severity.ERROR, "kpi.running-total-decreases", (String) r[7], (Long) r[0],
                    "value", Decimals.plain((BigDecimal) r[3]), r[1] + " は累計（running_total）だが、" + fy(r[2]) + "の "
                            + Decimals.grouped((BigDecimal) r[3], 10) + " が" + fy(r[4]) + "の "
                            + Decimals.grouped((BigDecimal) r[5], 10) + "（" + r[8] + " " + r[6]
                            + " 行目）より小さい。累計は減らない: どちらかの年度の値か、入力方法（その年度の増加分なら "
                            + "cumulative_entry を increment にする）の誤り。この行は取り込まない"));
            exclude("in_kpi_actual", new RowAt((String) r[7], (Long) r[0]));
        }
        return rows.size();
    }

    /**
     * A receipt count more than ten times (or under a tenth of) the same row's the year before: a warning. Both
     * counts are compared in one pass over the rows (issue 16: a pass per count took 17 s at 1,000,000 rows).
     */
    private int implausibleReceiptChanges() {
        String[] columns = { "online_receipts", "total_receipts" };
        // only the warnings are kept, the online counts' before the totals', as when each had a pass of its own
        List<List<Finding>> made = List.of(new ArrayList<>(), new ArrayList<>());
        FigureColumns.Count[] counts = { FigureColumns.Count.ONLINE, FigureColumns.Count.TOTAL };
        for (FigureQueries.WithYearBefore pair : new FigureQueries(figures).withYearBefore()) {
            int f = pair.row();
            for (int c = 0; c < columns.length; c++) {
                BigDecimal value = figures.count(counts[c], f);
                BigDecimal before = figures.count(counts[c], pair.before());
                if (value != null && before != null && value.signum() > 0 && before.signum() > 0
                        && ActualPlausibility.farFrom(value, before)) {
                    made.get(c).add(Finding.of(Severity.WARNING, "eprocedure.implausible-change",
                            "eprocedure-figures.csv", figures.line(f), columns[c], Decimals.plain(value),
                            figures.rowId(f) + " の" + fy(figures.year(f)) + "の " + columns[c] + " "
                                    + Decimals.grouped(value, 0) + " は前年度（" + figures.line(pair.before())
                                    + " 行目）の " + Decimals.grouped(before, 0) + " の"
                                    + ActualPlausibility.ratio(value, before) + "。桁の誤りがないか確認する（値はそのまま使う）"));
                }
            }
        }
        made.forEach(list -> list.forEach(findings::add));
        return made.get(0).size() + made.get(1).size();
    }

    /**
     * A 合計 (total) row typed among the system rows: its figures would be counted twice in every sum. The
     * warning names the suspect row itself: a system row named like a total, or whose receipts are exactly
     * the sum of the year's other systems. That sum is the year's sum of the systems less the rows on the
     * suspect's line (its own, and a workbook row sharing the line number): one pass over the year's rows, not
     * one per system row (issue 16: 1,000,000 rows took minutes).
     */
    private int totalsTypedAsSystems() {
        List<Object[]> rows = jdbc.query("""
                SELECT f.source_line, f.row_id, f.fiscal_year, f.name FROM in_eprocedure_figure f
                LEFT JOIN (SELECT o.fiscal_year, SUM(o.online_receipts) AS online FROM in_eprocedure_figure o
                           WHERE o.run_id = ? AND o.row_level = 'system' AND NOT o.excluded
                           GROUP BY o.fiscal_year) y ON y.fiscal_year = f.fiscal_year
                WHERE f.run_id = ? AND NOT f.excluded AND f.row_level = 'system'
                  AND (f.name LIKE '%合計%' OR f.name LIKE '%総計%' OR f.name LIKE '%小計%' OR f.name = '計'
                       OR f.name LIKE '%合　計%' OR f.name LIKE '%合 計%'
                       OR (f.online_receipts > 0 AND f.online_receipts = y.online - (SELECT SUM(l.online_receipts)
                           FROM in_eprocedure_figure l WHERE l.run_id = f.run_id AND l.fiscal_year = f.fiscal_year
                           AND l.source_line = f.source_line AND l.row_level = 'system' AND NOT l.excluded)))
                ORDER BY f.source_line""",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4) }, runId,
                runId);
        for (Object[] r : rows) {
            findings.add(Finding.of(Severity.WARNING, "eprocedure.total-as-system", "eprocedure-figures.csv",
                    (Long) r[0], "level", "system", fy(r[2]) + "のシステム行 " + r[1] + "「" + r[3]
                            + "」は合計の行に見える（名前、またはほかのシステム行の合計と同じ電子受付件数）。"
                            + "システムとして合計に二重に数えられる: 区全体の公表値なら level を total にし、"
                            + "計算した合計なら行を消す"));
        }
        return rows.size();
    }

    /**
     * The findings of rows left out here get the whole record as read, as those of rejected rows do: the
     * file is read once more, only when rows were left out, and only if it is still the file the run read.
     */
    private void rawRecordsOfRowsLeftOut() {
        for (KeyedTable t : KEYS) {
            if (!tablesWithRowsLeftOut.contains(t.table())) {
                continue;
            }
            Set<Long> lines = t.table().equals(FIGURES) ? figureLinesLeftOut()
                    : new HashSet<>(jdbc.queryForList("SELECT source_line FROM " + t.table()
                            + " WHERE run_id = ? AND excluded", Long.class, runId));
            if (lines.isEmpty()) {
                continue;
            }
            RowParser<? extends TableRow> parser = AnnualReviewJobConfiguration.INPUTS.stream()
                .filter(p -> p.fileName().equals(t.file()))
                .findFirst()
                .orElseThrow();
            Map<Long, String> raw = new HashMap<>();
            CsvRowReader reader = new CsvRowReader(() -> inputDir, parser.schema(), f -> {
            });
            try {
                reader.open(new ExecutionContext());
                for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                    if (lines.contains(row.line())) {
                        raw.put(row.line(), row.raw());
                    }
                }
            }
            catch (Exception ex) {
                log.warn("{}: the rows left out keep no raw record: {}", t.file(), ex.getMessage());
                continue;
            }
            finally {
                reader.close();
            }
            String recorded = jdbc.queryForObject("SELECT sha256 FROM run_input_file WHERE run_id = ? AND file_name = ?",
                    String.class, runId, t.file());
            if (reader.readFingerprint() == null || !reader.readFingerprint().sha256().equals(recorded)) {
                findings.add(Finding.of(Severity.WARNING, "input.changed-during-run", t.file(), null, null, null,
                        "読み込んだ後にファイルが変わった。除外した行の元の記録（raw_record）は付けない。"
                                + "ファイルを書き終えてから実行し直すこと"));
                continue;
            }
            raw.forEach((line, record) -> jdbc.update("UPDATE run_finding SET raw_record = ? WHERE run_id = ? "
                    + "AND file_name = ? AND line_no = ? AND raw_record IS NULL", truncate(record), runId, t.file(), line));
        }
    }

    /** The lines of the e-procedure rows left out: the table stores only some of the rows (the columns all). */
    private Set<Long> figureLinesLeftOut() {
        Set<Long> lines = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            if (figures.excluded(i)) {
                lines.add(figures.line(i));
            }
        }
        return lines;
    }

    private long figureRowsLeftOut() {
        long count = 0;
        for (int i = 0; i < figures.size(); i++) {
            count += figures.excluded(i) ? 1 : 0;
        }
        return count;
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }

    /**
     * Each file's counts after the checks: rows left out move from loaded to left out, so read = loaded +
     * rejected + left out in the database, {@code input-files.csv}, the manifest and the report.
     */
    private void recount() {
        for (KeyedTable t : KEYS) {
            Long leftOut = !tablesWithRowsLeftOut.contains(t.table()) ? Long.valueOf(0)
                    : t.table().equals(FIGURES) ? Long.valueOf(figureRowsLeftOut())
                    : jdbc.queryForObject("SELECT COUNT(*) FROM " + t.table() + " WHERE run_id = ? AND excluded",
                            Long.class, runId);
            long left = leftOut == null ? 0 : leftOut;
            jdbc.update("UPDATE run_input_file SET rows_left_out = ?, rows_loaded = rows_read - rows_rejected - ? "
                    + "WHERE run_id = ? AND file_name = ?", left, left, runId, t.file());
            if (left > 0) {
                Map<String, Object> c = jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_rejected, rows_blank "
                        + "FROM run_input_file WHERE run_id = ? AND file_name = ?", runId, t.file());
                log.info(String.format("%-26s %-24s read %7d = loaded %d + rejected %d + left out by the checks %d"
                        + " (blank rows %d)", "crossCheckStep", t.file(), number(c, "rows_read"),
                        number(c, "rows_loaded"), number(c, "rows_rejected"), left, number(c, "rows_blank")));
            }
        }
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column); // queryForMap's keys ignore case
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** A year from a query, in the form the reports use: {@code 令和4年度 (FY2022)}. */
    private static String fy(Object year) {
        return FiscalYear.of(((Number) year).intValue()).label();
    }

    private void exclude(String table, RowAt row) {
        exclude(table, row, null);
    }

    /** Leaves a row out in the database and, for an e-procedure row, in the columns the later checks read. */
    private void exclude(String table, RowAt row, Integer figureRow) {
        if (figureRow != null) {
            figures.exclude(figureRow);
        }
        tablesWithRowsLeftOut.add(table);
        if (row.year() != null) {
            jdbc.update("UPDATE " + table + " SET excluded = TRUE WHERE run_id = ? AND fiscal_year = ? AND source_line = ?"
                    + " AND source_file = ?", runId, row.year(), row.line(), row.file());
            return;
        }
        jdbc.update("UPDATE " + table + " SET excluded = TRUE WHERE run_id = ? AND source_line = ? AND source_file = ?",
                runId, row.line(), row.file());
    }

}
