package jp.nakano.planreview.eprocedure;

import java.util.ArrayList;
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
 * totals against it. The rows under the systems are summed in one pass over the rows in columns
 * ({@link FigureColumns}); the few system and total rows are read from the database.
 */
public class UtilisationChecksTasklet implements Tasklet {

    private static final String SYSTEMS = "SELECT " + EProcedureFigureRowMapper.COLUMNS + """

            FROM in_eprocedure_figure f
            WHERE f.run_id = ? AND f.fiscal_year = ? AND f.row_level = 'system' AND NOT f.excluded
            ORDER BY f.seq, f.source_line""";

    private static final String PUBLISHED_TOTALS = "SELECT " + EProcedureFigureRowMapper.COLUMNS + """

            FROM in_eprocedure_figure f
            WHERE f.run_id = ? AND f.fiscal_year = ? AND f.row_level = 'total' AND NOT f.excluded
            ORDER BY f.source_line""";

    /**
     * The sort key of the computed total row: after every row computed from the input, without reading them
     * (MAX(sort_key) read every row of the year: 3 s at 1,000,000 rows, issue 16).
     */
    static final int COMPUTED_TOTAL_KEY = Integer.MAX_VALUE;

    private final JdbcTemplate jdbc;

    private final FindingRecorder findings;

    private final LongSupplier runId;

    private final IntSupplier fiscalYear;

    private final UtilisationCalculator calculator = new UtilisationCalculator();

    private final EProcedureFigureRowMapper mapper = new EProcedureFigureRowMapper();

    private final LoadedFigures figures;

    public UtilisationChecksTasklet(JdbcTemplate jdbc, FindingRecorder findings, LongSupplier runId,
            IntSupplier fiscalYear, LoadedFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
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
        // what the rows under each system add up to: one pass over the rows in columns (issue 16: a grouped query
        // over the year's rows took 6 s at 1,000,000 rows)
        Map<String, UtilisationCalculator.Breakdown> breakdowns = new FigureQueries(figures.of(run)).breakdowns(year);
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
            new TableRowWriter<UtilisationRow>(jdbc, UtilisationRow.TABLE, () -> run).write(
                    new org.springframework.batch.infrastructure.item.Chunk<>(
                            calculator.computedTotal(year, COMPUTED_TOTAL_KEY, totals)));
            contribution.incrementWriteCount(1);
            for (EProcedureFigureRow published : jdbc.query(PUBLISHED_TOTALS, mapper, run, year)) {
                calculator.checkPublishedTotal(published, totals, made);
            }
        }
        made.forEach(findings::add);
    }

}
