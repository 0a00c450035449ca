package jp.nakano.planreview.receipts;

import java.nio.file.Path;
import java.util.function.LongFunction;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.FigureColumns;
import jp.nakano.planreview.eprocedure.FigureQueries;

/**
 * The worker of one partition: counts its log (or byte range) in one pass and hands the tally to
 * {@link ReceiptTotals}; nothing per application is written anywhere.
 */
public class CountReceiptsTasklet implements Tasklet {

    /** The run's e-procedure rows in columns (the procedure rows are not stored: issue 16). */
    private final LongFunction<FigureColumns> figures;

    private final ReceiptTotals totals;

    private final int keepLines;

    public CountReceiptsTasklet(LongFunction<FigureColumns> figures, ReceiptTotals totals, int keepLines) {
        this.figures = figures;
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
        // the rows a receipt may count towards: any row of the year's table but the ward total, by row_id in
        // String order (as HSQLDB's ORDER BY row_id gave them)
        ProcedureIndex procedures = run.procedures(log.fiscalYear(),
                year -> new FigureQueries(figures.apply(runId)).rowIds(year.year()));
        ReceiptTally tally = log.count(context.getLong(ReceiptPartitioner.FROM), context.getLong(ReceiptPartitioner.TO),
                procedures, keepLines);
        run.add(log, context.getInt(ReceiptPartitioner.PART), tally);
        contribution.incrementWriteCount(tally.counted());
        contribution.incrementFilterCount(tally.rejectedRows());
        return RepeatStatus.FINISHED;
    }

}
