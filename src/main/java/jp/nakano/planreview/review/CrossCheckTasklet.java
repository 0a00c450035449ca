package jp.nakano.planreview.review;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.findings.FindingRecorder;

/** Runs the {@link CrossChecks} over the run's loaded input. */
class CrossCheckTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    private final ReviewRun run;

    private final FindingRecorder findings;

    private final LoadedFigures figures;

    CrossCheckTasklet(JdbcTemplate jdbc, ReviewRun run, FindingRecorder findings, LoadedFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.run = run;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        new CrossChecks(jdbc, findings, run.runId(), run.inputDir(), figures.of(run.runId())).run();
        return RepeatStatus.FINISHED;
    }

}
