package jp.nakano.planreview.eprocedure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;

/**
 * The 電子手続利用率 of every row of the year before and of the review year (the report shows both), computed from
 * the rows in columns in the order they were read, with a finding where a rate the plan printed differs. Nothing is stored: the export and the reports compute the
 * same rates from the same rows ({@link UtilisationTable}; issue 16: storing a million rates took 19 s).
 */
public class UtilisationRatesTasklet implements Tasklet {

    private final LoadedFigures figures;

    private final FindingRecorder findings;

    private final LongSupplier runId;

    private final IntSupplier fiscalYear;

    public UtilisationRatesTasklet(LoadedFigures figures, FindingRecorder findings, LongSupplier runId,
            IntSupplier fiscalYear) {
        this.figures = figures;
        this.findings = findings;
        this.runId = runId;
        this.fiscalYear = fiscalYear;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Finding> made = new ArrayList<>();
        for (int year : new int[] { fiscalYear.getAsInt() - 1, fiscalYear.getAsInt() }) {
            figures.utilisation(runId.getAsLong(), year).eachAsRead(row -> {
                contribution.incrementReadCount();
                contribution.incrementWriteCount(1);
            }, made);
        }
        made.forEach(findings::add);
        return RepeatStatus.FINISHED;
    }

}
