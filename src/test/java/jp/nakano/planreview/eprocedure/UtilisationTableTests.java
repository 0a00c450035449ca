package jp.nakano.planreview.eprocedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;
import jp.nakano.planreview.findings.Finding;

/**
 * A year's rows with their rates, computed from the rows in columns: in the plan's order whatever order the
 * input has, numbered in the order they were read, the computed total after the systems and before the
 * published totals, the rows left out and other years not listed.
 */
class UtilisationTableTests {

    private final FigureColumns rows = new FigureColumns();

    private void add(int year, String id, Level level, String parent, int seq, long online, long total,
            String published, String file, long line) {
        rows.add(new EProcedureFigureRow(FiscalYear.of(year), id, level, parent, seq, "name " + id, null,
                BigDecimal.valueOf(online), BigDecimal.valueOf(total), null, null, null,
                published == null ? null : new BigDecimal(published), "test", null, file, line));
    }

    private void add(int year, String id, Level level, String parent, int seq, String file, long line) {
        add(year, id, level, parent, seq, 1, 2, null, file, line);
    }

    @Test
    void shouldListTheRowsInThePlansOrderWhateverTheInputsOrder() {
        String csv = "eprocedure-figures.csv";
        add(2023, "total", Level.TOTAL, null, 0, csv, 2);
        add(2023, "s2-p1", Level.PROCEDURE, "s2", 1, csv, 3); // before its system
        add(2023, "s2", Level.SYSTEM, null, 2, csv, 4);
        add(2023, "s1-x", Level.OTHER, "s1", 9, csv, 5); // 上記以外 before a 主な手続
        add(2023, "s1", Level.SYSTEM, null, 1, csv, 6);
        add(2023, "s1-p2", Level.PROCEDURE, "s1", 2, csv, 7);
        add(2023, "s1-p1", Level.PROCEDURE, "s1", 1, csv, 8);
        add(2022, "s1", Level.SYSTEM, null, 1, csv, 9);
        add(2023, "gone", Level.PROCEDURE, "s1", 0, csv, 10);
        rows.exclude(8);
        add(2023, "s3", Level.SYSTEM, null, 3, "a.xlsx", 3); // a workbook row on a line the file has too
        UtilisationRow computed = new UtilisationCalculator().computedTotal(2023, Integer.MAX_VALUE,
                new UtilisationCalculator.SystemTotals(3, null, BigDecimal.valueOf(3), BigDecimal.valueOf(6)));

        UtilisationTable table = UtilisationTable.of(rows, 2023, computed);

        List<String> listed = new ArrayList<>();
        table.eachInPlanOrder(r -> listed.add(r.rowId() + "#" + r.sortKey()));
        // sort keys by line, then file: the workbook's line 3 ("a.xlsx") before the file's line 3
        assertThat(listed).containsExactly("s1#6", "s1-p1#8", "s1-p2#7", "s1-x#5", "s2#4", "s2-p1#3", "s3#2",
                "computed_total#" + Integer.MAX_VALUE, "total#1");
        assertThat(table.size()).isEqualTo(9);
        assertThat(table.inPlanOrder(7)).isSameAs(computed);
    }

    @Test
    void shouldComputeEachRateAsReadAndFindThePrintedRatesThatDiffer() {
        add(2023, "s1", Level.SYSTEM, null, 1, 1, 3, "33.33", "eprocedure-figures.csv", 2);
        add(2023, "s1-p1", Level.PROCEDURE, "s1", 1, 2, 3, "66.6", "eprocedure-figures.csv", 3);
        add(2023, "s1-p2", Level.PROCEDURE, "s1", 2, 0, 0, null, "eprocedure-figures.csv", 4);

        UtilisationTable table = UtilisationTable.of(rows, 2023, null);
        List<UtilisationRow> read = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        table.eachAsRead(read::add, findings);

        assertThat(read).extracting(UtilisationRow::ratePercent)
            .containsExactly(new BigDecimal("33.33"), new BigDecimal("66.67"), null);
        assertThat(read).extracting(UtilisationRow::rateCheck).containsExactly(UtilisationRow.RateCheck.MATCHES,
                UtilisationRow.RateCheck.DIFFERS, UtilisationRow.RateCheck.NOT_COMPUTABLE);
        assertThat(findings).singleElement().extracting(Finding::line).isEqualTo(3L);
        // the year before's row beside a row, found by its row_id
        assertThat(table.row("s1-p1").onlineReceipts()).isEqualTo(BigDecimal.valueOf(2));
        assertThat(table.row("s9")).isNull();
    }

}
