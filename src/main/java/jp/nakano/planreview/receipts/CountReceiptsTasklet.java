package jp.nakano.planreview.receipts;

import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.FiscalYear;

/**
 * The worker of one partition: counts its log (or byte range) in one pass and hands the tally to
 * {@link ReceiptTotals}; nothing per application is written anywhere.
 */
public class CountReceiptsTasklet implements Tasklet {

    /** The rows a receipt may count towards: any row of the year's table but the ward total. */
    static final String PROCEDURE_IDS = """
            SELECT DISTINCT row_id FROM in_eprocedure_figure
            WHERE run_id = ? AND fiscal_year = ? AND row_level <> 'total' AND excluded = FALSE ORDER BY row_id""";

    private final JdbcTemplate jdbc;

    private final ReceiptTotals totals;

    private final int keepLines;

    public CountReceiptsTasklet(JdbcTemplate jdbc, ReceiptTotals totals, int keepLines) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.keepLines = keepLines;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        long runId = step.getJobExecutionId();
        ReceiptLog log = ReceiptLog.open(Path.of(context.getString(ReceiptPartitioner.FILE)),
                context.getString(ReceiptPartitioner.NAME), FiscalYear.of(context.getInt(ReceiptPartitioner.YEAR)));
        ReceiptTotals.Run run = totals.run(runId);
        ProcedureIndex procedures = run.procedures(log.fiscalYear(),
                year -> jdbc.queryForList(PROCEDURE_IDS, String.class, runId, year.year()));
        ReceiptTally tally = log.count(context.getLong(ReceiptPartitioner.FROM), context.getLong(ReceiptPartitioner.TO),
                procedures, keepLines);
        run.add(log, context.getInt(ReceiptPartitioner.PART), tally);
        contribution.incrementWriteCount(tally.counted());
        contribution.incrementFilterCount(tally.rejectedRows());
        return RepeatStatus.FINISHED;
    }

}
