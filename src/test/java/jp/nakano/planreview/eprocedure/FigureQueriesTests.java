package jp.nakano.planreview.eprocedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;
import jp.nakano.planreview.eprocedure.FigureColumns.Count;

/**
 * The e-procedure rows in columns answer what the database's queries answered: duplicates, rows under an unknown
 * system, the year before, the sums under each system and the single procedures, with rows left out not counted.
 */
class FigureQueriesTests {

    private final FigureColumns rows = new FigureColumns();

    private int add(int year, String id, Level level, String parent, Long procedures, Long online, Long total,
            Boolean capable, Boolean kakanai, String file, long line) {
        rows.add(new EProcedureFigureRow(FiscalYear.of(year), id, level, parent, 1, "name " + id, decimal(procedures),
                decimal(online), decimal(total), capable, kakanai, null, null, "test", null, file, line));
        return rows.size() - 1;
    }

    private int add(int year, String id, Level level, String parent, Long online, Long total, long line) {
        return add(year, id, level, parent, null, online, total, null, null, "eprocedure-figures.csv", line);
    }

    private static BigDecimal decimal(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    @Test
    void shouldGroupRowsOfTheSameYearAndRowIdByYearThenRowIdAndListThemByLineThenFile() {
        add(2023, "s2", Level.SYSTEM, null, 1L, 2L, 2);
        add(2023, "s1", Level.SYSTEM, null, 1L, 2L, 3);
        int workbook = add(2023, "s1", Level.SYSTEM, null, null, 1L, 2L, null, null, "a.xlsx", 3);
        add(2022, "s2", Level.SYSTEM, null, 1L, 2L, 4);
        add(2023, "s2", Level.SYSTEM, null, 1L, 2L, 5);
        add(2023, "s2", Level.SYSTEM, null, 1L, 2L, 6);
        rows.exclude(5);

        List<List<Integer>> keys = new FigureQueries(rows).duplicateKeys();

        assertThat(keys).containsExactly(List.of(workbook, 1), List.of(0, 4));
    }

    @Test
    void shouldFindRowsUnderASystemTheirYearDoesNotHaveOrThatWasLeftOut() {
        add(2023, "s1", Level.SYSTEM, null, 10L, 20L, 2);
        add(2023, "s1-p1", Level.PROCEDURE, "s1", 1L, 2L, 3);
        int otherYear = add(2022, "s1-p1", Level.PROCEDURE, "s1", 1L, 2L, 4);
        int leftOutSystem = add(2023, "s9", Level.SYSTEM, null, 1L, 2L, 5);
        int underLeftOut = add(2023, "s9-p1", Level.PROCEDURE, "s9", 1L, 2L, 6);
        rows.exclude(leftOutSystem);

        assertThat(new FigureQueries(rows).rowsUnderUnknownSystems()).containsExactly(otherYear, underLeftOut);
    }

    @Test
    void shouldPairEachRowWithTheSameRowIdTheYearBeforeWhereBothHaveReceipts() {
        int before = add(2022, "p1", Level.PROCEDURE, "s1", 10L, 20L, 2);
        add(2022, "p2", Level.PROCEDURE, "s1", 0L, 0L, 3);
        int now = add(2023, "p1", Level.PROCEDURE, "s1", 100L, 200L, 4);
        add(2023, "p2", Level.PROCEDURE, "s1", 5L, 6L, 5);
        add(2023, "p3", Level.PROCEDURE, "s1", 5L, 6L, 1);
        add(2021, "p1", Level.PROCEDURE, "s1", 5L, 6L, 6);

        assertThat(new FigureQueries(rows).withYearBefore())
            .containsExactly(new FigureQueries.WithYearBefore(before, 5), new FigureQueries.WithYearBefore(now, before));
    }

    @Test
    void shouldSumTheRowsUnderEachSystemAndLeaveASumUnknownWhereARowLacksIt() {
        add(2023, "s1", Level.SYSTEM, null, 100L, 200L, 2);
        add(2023, "s1-p1", Level.PROCEDURE, "s1", null, 5L, 10L, null, null, "eprocedure-figures.csv", 3);
        add(2023, "s1-x", Level.OTHER, "s1", 7L, null, 20L, null, null, "eprocedure-figures.csv", 4);
        add(2023, "s2-p1", Level.PROCEDURE, "s2", Long.MAX_VALUE, Long.MAX_VALUE, 5);
        add(2023, "s2-p2", Level.PROCEDURE, "s2", 1L, 1L, 6);
        int leftOut = add(2023, "s2-p3", Level.PROCEDURE, "s2", 1L, 1L, 7);
        add(2022, "s2-p1", Level.PROCEDURE, "s2", 1L, 1L, 8);
        rows.exclude(leftOut);

        Map<String, UtilisationCalculator.Breakdown> sums = new FigureQueries(rows).breakdowns(2023);

        assertThat(sums.get("s1")).isEqualTo(new UtilisationCalculator.Breakdown(2, true, null, BigDecimal.valueOf(30), null));
        BigDecimal beyondLong = BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE);
        assertThat(sums.get("s2")).isEqualTo(new UtilisationCalculator.Breakdown(2, false, beyondLong, beyondLong, null));
    }

    @Test
    void shouldKeepCountsBeyondALongExactly() {
        BigDecimal huge = new BigDecimal("12345678901234567890123");
        rows.add(new EProcedureFigureRow(FiscalYear.of(2023), "s1", Level.SYSTEM, null, 1, "n", null, huge, huge, null,
                null, null, null, "test", null, "eprocedure-figures.csv", 2));

        assertThat(rows.count(Count.ONLINE, 0)).isEqualTo(huge);
        rows.add(new EProcedureFigureRow(FiscalYear.of(2023), "s2", Level.SYSTEM, null, 1, "n", BigDecimal.ZERO,
                new BigDecimal("2147483648"), new BigDecimal("2147483647"), null, null, null, null, "test", null,
                "eprocedure-figures.csv", 3));
        assertThat(rows.count(Count.ONLINE, 1)).isEqualTo(new BigDecimal("2147483648"));
        assertThat(rows.count(Count.TOTAL, 1)).isEqualTo(new BigDecimal("2147483647"));
        assertThat(rows.count(Count.PROCEDURES, 1)).isZero();
        assertThat(rows.signum(Count.PROCEDURES, 1)).isZero();
        assertThat(rows.count(Count.PROCEDURES, 0)).isNull();
        assertThat(rows.signum(Count.TOTAL, 0)).isOne();
    }

    @Test
    void shouldCountProceduresAndSystemsOfOneProcedureWithNothingUnderThemAsSingleProcedures() {
        add(2023, "s1", Level.SYSTEM, null, 1L, 500L, 1000L, true, true, "eprocedure-figures.csv", 2);
        add(2023, "s2", Level.SYSTEM, null, 1L, 50L, 100L, true, null, "eprocedure-figures.csv", 3);
        add(2023, "s2-p1", Level.PROCEDURE, "s2", null, 40L, 20000L, true, false, "eprocedure-figures.csv", 4);
        add(2023, "s2-p2", Level.PROCEDURE, "s2", null, null, 15000L, null, true, "eprocedure-figures.csv", 5);
        add(2023, "s2-p3", Level.PROCEDURE, "s2", null, null, null, false, null, "eprocedure-figures.csv", 6);
        add(2023, "s2-x", Level.OTHER, "s2", 3L, 1L, 70L, null, true, "eprocedure-figures.csv", 7);
        add(2023, "s2-y", Level.OTHER, "s2", null, 1L, null, null, null, "eprocedure-figures.csv", 8);

        FigureQueries queries = new FigureQueries(rows);

        assertThat(queries.singleProcedures(2023, BigDecimal.valueOf(10000)))
            .isEqualTo(new FigureQueries.SingleProcedures(4, 1, 2, 1, 0, BigDecimal.valueOf(35000),
                    BigDecimal.valueOf(20000), BigDecimal.valueOf(40), 1, 2, BigDecimal.valueOf(36000),
                    BigDecimal.valueOf(16000)));
        assertThat(queries.otherRows(2023))
            .isEqualTo(new FigureQueries.OtherRows(4, 1, 3, 1, BigDecimal.valueOf(70), BigDecimal.valueOf(70)));
        assertThat(queries.latestYear()).isEqualTo(2023);
        assertThat(queries.years()).containsExactly(new FigureQueries.YearRows(2023, 2, 7));
    }

    @Test
    void shouldListTheRowIdsAReceiptMayCountTowardsOnceEachInStringOrderAndTheFirstRowOfEach() {
        add(2023, "total", Level.TOTAL, null, 1L, 2L, 2);
        int system = add(2023, "s01", Level.SYSTEM, null, 1L, 2L, 3);
        add(2023, "s01-P5", Level.PROCEDURE, "s01", 1L, 2L, 5);
        int workbook = add(2023, "s01-P5", Level.PROCEDURE, "s01", null, 1L, 2L, null, null, "a.xlsx", 4);
        int procedure = add(2023, "s01a", Level.PROCEDURE, "s01", 1L, 2L, 6);
        int leftOut = add(2023, "s01b", Level.PROCEDURE, "s01", 1L, 2L, 7);
        add(2022, "s00", Level.SYSTEM, null, 1L, 2L, 8);
        rows.exclude(leftOut);

        FigureQueries queries = new FigureQueries(rows);

        // code unit order, as HSQLDB's ORDER BY row_id: the hyphen before the letter
        assertThat(queries.rowIds(2023)).containsExactly("s01", "s01-P5", "s01a");
        assertThat(queries.firstRowOfEachId(2023)).isEqualTo(Map.of("s01", system, "s01-P5", workbook, "s01a", procedure));
    }

    @Test
    void shouldTakeTheLeastOfEachFieldOverEveryRowOfARowIdLeftOutOrNotAsSqlsMinDoes() {
        add(2023, "x1", Level.SYSTEM, null, null, 9L, 2);
        int leftOut = add(2023, "x1", Level.PROCEDURE, "s2", 5L, null, 3);
        add(2023, "x1", Level.PROCEDURE, "s1", 7L, null, 4);
        add(2022, "x1", Level.OTHER, "s0", 1L, 1L, 5);
        rows.exclude(leftOut);

        FigureQueries queries = new FigureQueries(rows);

        assertThat(queries.least(2023, "x1"))
            .isEqualTo(new FigureQueries.Least("procedure", "s1", "name x1", BigDecimal.valueOf(5), BigDecimal.valueOf(9)));
        assertThat(queries.least(2023, "x9")).isNull();
    }

    @Test
    void shouldListAYearsRowsOfTheLevelsAskedForByLineThenFileWhateverTheirLoadOrder() {
        int late = add(2023, "s1-p2", Level.PROCEDURE, "s1", 1L, 2L, 9);
        int system = add(2023, "s1", Level.SYSTEM, null, 1L, 2L, 3);
        add(2023, "total", Level.TOTAL, null, 1L, 2L, 2);
        int csv = add(2023, "s1-p1", Level.PROCEDURE, "s1", 1L, 2L, 4);
        int workbook = add(2023, "s1-p1", Level.PROCEDURE, "s1", null, 1L, 2L, null, null, "a.xlsx", 4);
        int leftOut = add(2023, "s1-p3", Level.PROCEDURE, "s1", 1L, 2L, 5);
        add(2022, "s1", Level.SYSTEM, null, 1L, 2L, 1);
        rows.exclude(leftOut);

        FigureQueries queries = new FigureQueries(rows);

        assertThat(queries.byLine(2023, java.util.EnumSet.of(Level.SYSTEM, Level.PROCEDURE)))
            .containsExactly(system, workbook, csv, late);
        assertThat(queries.byLine(2023, java.util.EnumSet.of(Level.PROCEDURE))).containsExactly(workbook, csv, late);
        assertThat(queries.hasRows(2022, java.util.EnumSet.of(Level.PROCEDURE))).isFalse();
        assertThat(queries.firstByLine(2023, "s1", Level.SYSTEM)).isEqualTo(system);
        assertThat(queries.firstByLine(2023, "s1-p3", Level.PROCEDURE)).isEqualTo(-1);
    }

}
