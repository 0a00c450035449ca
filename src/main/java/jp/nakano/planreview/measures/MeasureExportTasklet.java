package jp.nakano.planreview.measures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import jp.nakano.planreview.common.CsvOutput;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.measures.MeasureRepository.ItemRow;
import jp.nakano.planreview.measures.MeasureRepository.RollupRow;
import jp.nakano.planreview.measures.MeasureReview.Progress;

/**
 * {@code exportMeasuresStep}: {@code measure-progress.csv} (every 取組事項 with its planned stage, the report and
 * where it stands) and {@code measure-summary.csv} (the roll-ups per plan, goal, 取組 and 実施内容), into the
 * run's working folder.
 */
public class MeasureExportTasklet implements Tasklet {

    public static final String PROGRESS_FILE = "measure-progress.csv";

    public static final String SUMMARY_FILE = "measure-summary.csv";

    static final List<String> PROGRESS_COLUMNS = List.of("fiscal_year", "plan_id", "goal_id", "goal_label",
            "measure_id", "measure_label", "activity_id", "activity_label", "item_id", "name", "mark", "owner",
            "repeat_of", "departments", "schedule", "roadmap", "years_certain", "planned", "progress", "progress_ja",
            "status", "done", "issues", "next_steps", "self_rating", "reported_by", "reported_on",
            "missing_explanation", "source_line");

    static final List<String> SUMMARY_COLUMNS = List.of("fiscal_year", "plan_id", "level", "id", "label", "name",
            "items", "予定どおり", "前倒し", "遅れ", "中止", "完了", "報告なし", "国・都の取組", "今年度の予定なし",
            "rating", "phase");

    private final MeasureRepository repository;

    private final Supplier<Long> runId;

    private final Supplier<FiscalYear> fiscalYear;

    private final Supplier<Path> workingFolder;

    public MeasureExportTasklet(MeasureRepository repository, Supplier<Long> runId, Supplier<FiscalYear> fiscalYear,
            Supplier<Path> workingFolder) {
        this.repository = repository;
        this.runId = runId;
        this.fiscalYear = fiscalYear;
        this.workingFolder = workingFolder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long run = runId.get();
        int year = fiscalYear.get().year();
        Path folder = workingFolder.get();
        List<String> plans = repository.planIds(run, year);
        int written = 0;
        try (CsvOutput out = CsvOutput.create(folder.resolve(PROGRESS_FILE), PROGRESS_COLUMNS)) {
            for (String plan : plans) {
                for (ItemRow r : repository.itemRows(run, year, plan)) {
                    out.row(year, r.planId(), r.goalId(), r.goalLabel(), r.measureId(), r.measureLabel(), r.activityId(),
                            r.activityLabel(), r.itemId(), r.name(), r.mark(), r.owner(), r.repeatOf(),
                            r.departments() != null ? r.departments() : r.activityDepartments(),
                            r.schedule().isEmpty() ? null : r.schedule().cell(),
                            r.roadmap().isEmpty() ? null : r.roadmap().cell(), r.yearsCertain(), r.planned(),
                            r.progress().name().toLowerCase(java.util.Locale.ROOT), r.progress().word(),
                            r.status() == null ? null : r.status().word(), r.done(), r.issues(), r.nextSteps(),
                            r.selfRating(), r.reportedBy(), r.reportedOn(), r.missingExplanation(), r.sourceLine());
                    written++;
                }
            }
        }
        try (CsvOutput out = CsvOutput.create(folder.resolve(SUMMARY_FILE), SUMMARY_COLUMNS)) {
            for (String plan : plans) {
                for (RollupRow u : repository.rollupRows(run, year, plan)) {
                    Map<Progress, Integer> c = u.counts();
                    out.row(year, plan, u.level(), u.refId(), u.label(), u.name(), u.items(), c.get(Progress.ON_SCHEDULE),
                            c.get(Progress.AHEAD), c.get(Progress.BEHIND), c.get(Progress.STOPPED), c.get(Progress.DONE),
                            c.get(Progress.NOT_REPORTED), c.get(Progress.NOT_WARD), c.get(Progress.NOT_PLANNED),
                            u.rating().word(), u.phase());
                    written++;
                }
            }
        }
        contribution.incrementWriteCount(written);
        return RepeatStatus.FINISHED;
    }

}
