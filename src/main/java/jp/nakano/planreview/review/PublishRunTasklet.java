package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Moves the complete working folder into place as {@code <output>/FY<yyyy>/<run-id>/}, the run's last step. */
class PublishRunTasklet implements Tasklet {

    private final ReviewRun run;

    PublishRunTasklet(ReviewRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path published = RunFolder.create(run.outputDir(), run.fiscalYear(), run.runName()).publish();
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
            .putString(ReviewRun.RUN_FOLDER, published.toString());
        return RepeatStatus.FINISHED;
    }

}
