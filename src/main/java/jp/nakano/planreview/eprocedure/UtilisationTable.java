package jp.nakano.planreview.eprocedure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;
import jp.nakano.planreview.findings.Finding;

/**
 * A fiscal year's e-procedure rows with their 電子手続利用率, computed from the rows in columns when asked rather
 * than stored (issue 16: storing a million rates a second time took longer than the rest of the review). A row's
 * sort key is its place among the year's rows by line, then file (the order the rows were read); the plan's order
 * lists the systems by number, each followed by its 主な手続 and 上記以外, then the sum of the systems (the
 * computed total), then the published totals. Plain Java.
 */
public final class UtilisationTable {

    private final FigureColumns rows;

    private final int year;

    /** The year's rows not left out, as column numbers, by line then file: row k has sort key k + 1. */
    private final int[] byLine;

    /** The plan's order: places in {@link #byLine}, and -1 for the computed total. */
    private final int[] planOrder;

    private final UtilisationRow computedTotal;

    private final UtilisationCalculator calculator = new UtilisationCalculator();

    private UtilisationTable(FigureColumns rows, int year, int[] byLine, int[] planOrder, UtilisationRow computedTotal) {
        this.rows = rows;
        this.year = year;
        this.byLine = byLine;
        this.planOrder = planOrder;
        this.computedTotal = computedTotal;
    }

    /** The table of a year; {@code computedTotal} is the sum of the systems, or {@code null} when it has none. */
    public static UtilisationTable of(FigureColumns rows, int year, UtilisationRow computedTotal) {
        int[] byLine = new FigureQueries(rows).byLine(year, java.util.EnumSet.allOf(Level.class));
        int n = byLine.length;
        // where each row's system puts it: the system's number and sort key (a row without one is its own anchor)
        Map<String, Integer> systems = new HashMap<>();
        for (int k = 0; k < n; k++) {
            if (rows.level(byLine[k]) == Level.SYSTEM) {
                systems.putIfAbsent(rows.rowId(byLine[k]), k);
            }
        }
        int[] systemOfParent = new int[rows.parentCount()];
        for (int p = 0; p < systemOfParent.length; p++) {
            systemOfParent[p] = systems.getOrDefault(rows.parentName(p), -1);
        }
        int[] anchor = new int[n];
        for (int k = 0; k < n; k++) {
            int parent = rows.parent(byLine[k]);
            anchor[k] = parent >= 0 && systemOfParent[parent] >= 0 ? systemOfParent[parent] : k;
        }
        Comparator<Integer> order = Comparator.<Integer>comparingInt(k -> group(rows.level(byLine[k])))
            .thenComparingInt(k -> rows.seq(byLine[anchor[k]])).thenComparingInt(k -> anchor[k])
            .thenComparingInt(k -> rank(rows.level(byLine[k]))).thenComparingInt(k -> rows.seq(byLine[k]))
            .thenComparingInt(k -> k);
        boolean ordered = true;
        for (int k = 1; k < n && ordered; k++) {
            ordered = order.compare(k - 1, k) < 0;
        }
        int[] inputOrder;
        if (ordered) {
            inputOrder = new int[n];
            Arrays.setAll(inputOrder, k -> k);
        }
        else {
            inputOrder = java.util.stream.IntStream.range(0, n).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
        }
        // the computed total after the systems' rows, before the published totals
        int[] planOrder = new int[n + (computedTotal == null ? 0 : 1)];
        int at = 0;
        int p = 0;
        while (at < n && group(rows.level(byLine[inputOrder[at]])) == 0) {
            planOrder[p++] = inputOrder[at++];
        }
        if (computedTotal != null) {
            planOrder[p++] = -1;
        }
        while (at < n) {
            planOrder[p++] = inputOrder[at++];
        }
        return new UtilisationTable(rows, year, byLine, planOrder, computedTotal);
    }

    /** The plan's order puts a system's rows first (0), the sum of the systems (1), then the ward totals (2). */
    private static int group(Level level) {
        return level == Level.TOTAL ? 2 : 0;
    }

    /** Within a system: the system row, its 主な手続, its 上記以外. */
    private static int rank(Level level) {
        return switch (level) {
            case SYSTEM -> 0;
            case PROCEDURE -> 1;
            case OTHER -> 2;
            case TOTAL -> 3;
        };
    }

    public int year() {
        return year;
    }

    /** The sum of the systems, or {@code null}. */
    public UtilisationRow computedTotal() {
        return computedTotal;
    }

    /** The number of rows: the year's rows and the computed total. */
    public int size() {
        return planOrder.length;
    }

    /** The rows of the year as read (by sort key), each with its rate; the rates that differ from the printed go to {@code findings}. */
    public void eachAsRead(Consumer<UtilisationRow> each, List<Finding> findings) {
        for (int k = 0; k < byLine.length; k++) {
            each.accept(calculator.utilisation(rows.figure(byLine[k]), k + 1, findings));
        }
    }

    /**
     * The year's row with a row_id (or the computed total, row_id {@code computed_total}), with its rate, or
     * {@code null}: the report shows the year before beside each row.
     */
    public UtilisationRow row(String rowId) {
        if (computedTotal != null && computedTotal.rowId().equals(rowId)) {
            return computedTotal;
        }
        for (int i = rows.first(year, rowId); i >= 0; i = rows.nextWithSameKey(i)) {
            if (!rows.excluded(i)) {
                return calculator.utilisation(rows.figure(i), 0, new ArrayList<>());
            }
        }
        return null;
    }

    /** The row at place {@code p} of the plan's order, with its rate. */
    public UtilisationRow inPlanOrder(int p) {
        int k = planOrder[p];
        return k < 0 ? computedTotal : calculator.utilisation(rows.figure(byLine[k]), k + 1, new ArrayList<>());
    }

    /** Every row in the plan's order, with its rate. */
    public void eachInPlanOrder(Consumer<UtilisationRow> each) {
        for (int p = 0; p < planOrder.length; p++) {
            each.accept(inPlanOrder(p));
        }
    }

}
