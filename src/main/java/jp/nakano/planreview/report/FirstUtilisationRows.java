package jp.nakano.planreview.report;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.eprocedure.UtilisationRow;
import jp.nakano.planreview.eprocedure.UtilisationTable;

/**
 * A year's e-procedure results in the plan's order ({@link UtilisationTable}) as the reports list them: the first
 * rows, the totals and the number of rows, for a table of a million rows that a report lists only the start of.
 * The rows are in memory ({@link LoadedFigures}); each listed row's rate is computed when it is listed.
 */
public class FirstUtilisationRows {

    /** A row of the results as the reports list it. */
    public record Row(int sortKey, String rowId, String name, String level, BigDecimal procedureCount,
            BigDecimal onlineReceipts, BigDecimal totalReceipts, BigDecimal ratePercent, BigDecimal publishedRate,
            String rateCheck, String sourceFile, Long sourceLine, String parentId) {

        /** Whether the row is the sum of the systems or the published ward total. */
        public boolean total() {
            return "total".equals(level) || "computed_total".equals(level);
        }

        public static Row of(UtilisationRow r) {
            return new Row(r.sortKey(), r.rowId(), r.name(), r.level(), r.procedureCount(), r.onlineReceipts(),
                    r.totalReceipts(), r.ratePercent(), r.publishedRate(), r.rateCheck().name(), r.sourceFile(),
                    r.sourceLine(), r.parentId());
        }
    }

    /** The first {@code first.size()} rows in the plan's order of {@code all}, and every total row in that order. */
    public record Listing(long all, List<Row> first, List<Row> totals) {
    }

    private final LoadedFigures figures;

    public FirstUtilisationRows(LoadedFigures figures) {
        this.figures = figures;
    }

    /** The first {@code limit} rows of the year in the plan's order (fewer if it has fewer), the totals and the count. */
    public Listing of(long run, int year, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("rows listed must be at least 1, not " + limit);
        }
        UtilisationTable table = figures.utilisation(run, year);
        int listed = Math.min(limit, table.size());
        List<Row> first = new AbstractList<>() {
            @Override
            public Row get(int p) {
                java.util.Objects.checkIndex(p, listed);
                return Row.of(table.inPlanOrder(p));
            }

            @Override
            public int size() {
                return listed;
            }
        };
        // the totals close the plan's order
        List<Row> totals = new ArrayList<>();
        for (int p = table.size() - 1; p >= 0; p--) {
            Row row = Row.of(table.inPlanOrder(p));
            if (!row.total()) {
                break;
            }
            totals.add(0, row);
        }
        return new Listing(table.size(), first, totals);
    }

    /** Every row of the year in the plan's order, the totals last. */
    public void inPlanOrder(long run, int year, Consumer<Row> each) {
        figures.utilisation(run, year).eachInPlanOrder(r -> each.accept(Row.of(r)));
    }

}
