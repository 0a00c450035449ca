package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.input.TableRowWriter;

/**
 * The checks of the e-procedure table as a whole for the review year: each system's rows against the
 * system row, the sum of the systems (stored as the {@code computed_total} row) and the published ward
 * totals against it. The database adds the figures up, so the input may be of any size.
 */
public class UtilisationChecksTasklet implements Tasklet {

    /**
     * What the rows under each system add up to, one group per parent: one pass over the year's rows (issue 16:
     * joining every system to its rows and grouping by the system's columns took 18 s at 1,000,000 rows).
     */
    private static final String BREAKDOWNS = """
            SELECT c.parent_id, COUNT(*) AS sub_rows, SUM(CASE WHEN c.row_level = 'other' THEN 1 ELSE 0 END) AS other_rows,
            SUM(c.online_receipts) AS sub_online, COUNT(c.online_receipts) AS sub_online_n,
            SUM(c.total_receipts) AS sub_total, COUNT(c.total_receipts) AS sub_total_n,
            SUM(c.procedure_count) AS sub_procedures, COUNT(c.procedure_count) AS sub_procedures_n
            FROM in_eprocedure_figure c
            WHERE c.run_id = ? AND c.fiscal_year = ? AND c.parent_id IS NOT NULL AND NOT c.excluded
            GROUP BY c.parent_id""";

    private static final String SYSTEMS = "SELECT " + EProcedureFigureRowMapper.COLUMNS + """

            FROM in_eprocedure_figure f
            WHERE f.run_id = ? AND f.fiscal_year = ? AND f.row_level = 'system' AND NOT f.excluded
            ORDER BY f.seq, f.source_line""";

    private static final String PUBLISHED_TOTALS = "SELECT " + EProcedureFigureRowMapper.COLUMNS + """

            FROM in_eprocedure_figure f
            WHERE f.run_id = ? AND f.fiscal_year = ? AND f.row_level = 'total' AND NOT f.excluded
            ORDER BY f.source_line""";

    private final JdbcTemplate jdbc;

    private final FindingRecorder findings;

    private final LongSupplier runId;

    private final IntSupplier fiscalYear;

    private final UtilisationCalculator calculator = new UtilisationCalculator();

    private final EProcedureFigureRowMapper mapper = new EProcedureFigureRowMapper();

    public UtilisationChecksTasklet(JdbcTemplate jdbc, FindingRecorder findings, LongSupplier runId,
            IntSupplier fiscalYear) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.runId = runId;
        this.fiscalYear = fiscalYear;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long run = runId.getAsLong();
        int reviewYear = fiscalYear.getAsInt();
        // the year before is computed too: the report shows it beside the review year
        for (int year : new int[] { reviewYear - 1, reviewYear }) {
            check(contribution, run, year);
        }
        return RepeatStatus.FINISHED;
    }

    private void check(StepContribution contribution, long run, int year) {
        List<Finding> made = new ArrayList<>();
        Map<String, UtilisationCalculator.Breakdown> breakdowns = new HashMap<>();
        jdbc.query(BREAKDOWNS, rs -> {
            breakdowns.put(rs.getString("parent_id"), breakdown(rs));
        }, run, year);
        // the systems are summed here as they are read: the same sums as a query of their own, one pass fewer
        UtilisationCalculator.SystemTotals sums = new UtilisationCalculator.SystemTotals();
        jdbc.query(SYSTEMS, rs -> {
            EProcedureFigureRow system = mapper.mapRow(rs, 0);
            sums.add(system);
            UtilisationCalculator.Breakdown breakdown = breakdowns.get(system.rowId());
            if (breakdown != null) {
                contribution.incrementReadCount();
                calculator.checkBreakdown(system, breakdown, made);
            }
        }, run, year);
        // as the database would give them: exact, without trailing zeros
        UtilisationCalculator.SystemTotals totals = new UtilisationCalculator.SystemTotals(sums.systems(),
                Decimals.normalise(sums.procedures()), Decimals.normalise(sums.online()), Decimals.normalise(sums.total()));
        if (totals.systems() > 0) {
            Integer last = jdbc.queryForObject(
                    "SELECT MAX(sort_key) FROM " + UtilisationRow.TABLE + " WHERE run_id = ? AND fiscal_year = ?",
                    Integer.class, run, year);
            new TableRowWriter<UtilisationRow>(jdbc, UtilisationRow.TABLE, () -> run).write(
                    new org.springframework.batch.infrastructure.item.Chunk<>(
                            calculator.computedTotal(year, (last == null ? 0 : last) + 1, totals)));
            contribution.incrementWriteCount(1);
            for (EProcedureFigureRow published : jdbc.query(PUBLISHED_TOTALS, mapper, run, year)) {
                calculator.checkPublishedTotal(published, totals, made);
            }
        }
        made.forEach(findings::add);
    }

    private static UtilisationCalculator.Breakdown breakdown(ResultSet rs) throws SQLException {
        long rows = rs.getLong("sub_rows");
        return new UtilisationCalculator.Breakdown(rows, rs.getLong("other_rows") > 0,
                complete(rs, "sub_online", rows), complete(rs, "sub_total", rows), complete(rs, "sub_procedures", rows));
    }

    /** A sum counts only when every row had the figure: an unknown is never read as zero. */
    private static BigDecimal complete(ResultSet rs, String sum, long rows) throws SQLException {
        return rs.getLong(sum + "_n") == rows ? EProcedureFigureRowMapper.decimal(rs, sum) : null;
    }

}
