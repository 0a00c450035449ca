package jp.nakano.planreview.measures;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.measures.MeasureRepository.Plan;
import jp.nakano.planreview.measures.MeasureReview.ItemResult;
import jp.nakano.planreview.measures.MeasureReview.KpiStatus;
import jp.nakano.planreview.measures.MeasureReview.Measure;
import jp.nakano.planreview.measures.MeasureReview.Phase;
import jp.nakano.planreview.measures.MeasureReview.Progress;

/**
 * {@code reviewMeasuresStep}: checks the schedule rows against their plan (years inside the period, phases the
 * plan defines) and the reports against the rows (no report on a 再掲 row), then reviews every plan's
 * 取組事項 for the year ({@link MeasureReview}) and records a finding for every miss without an explanation.
 */
public class MeasureReviewTasklet implements Tasklet {

    static final String ITEMS = "measure-items.csv";

    static final String REPORTS = "measure-reports.csv";

    static final String EXPLANATIONS = "kpi-explanations.csv";

    private final MeasureRepository repository;

    private final FindingRecorder findings;

    private final Supplier<Long> runId;

    private final Supplier<FiscalYear> fiscalYear;

    private final Supplier<String> plan;

    private final MeasureReview review;

    private final MeasureReview.RatingRule rule;

    public MeasureReviewTasklet(MeasureRepository repository, FindingRecorder findings, Supplier<Long> runId,
            Supplier<FiscalYear> fiscalYear, Supplier<String> plan, MeasureReview.RatingRule rule) {
        this.repository = repository;
        this.findings = findings;
        this.runId = runId;
        this.fiscalYear = fiscalYear;
        this.plan = plan;
        this.rule = rule;
        this.review = new MeasureReview(rule);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long run = runId.get();
        int year = fiscalYear.get().year();
        checkSchedules(run);
        checkReports(run);
        int items = 0;
        for (Plan p : repository.plans(run, plan.get())) {
            List<Phase> phases = repository.phases(run, p.planId());
            List<MeasureReview.Item> planItems = repository.items(run, p.planId());
            if (planItems.isEmpty()) {
                continue;
            }
            List<Measure> measures = repository.measures(run, p.planId());
            List<ItemResult> results = review.items(planItems, repository.reports(run, p.planId(), year), year,
                    p.firstFy(), p.lastFy(), phases);
            List<MeasureReview.Rollup> rollups = review.rollups(p.planId(), p.name(), repository.goals(run, p.planId()),
                    measures, repository.activities(run, p.planId()), results);
            Phase phase = MeasureReview.phaseOf(phases, year);
            if (phase != null && year == phase.lastFy()) {
                // the review of a phase's last year summarises the phase: each item as last reported in the phase
                Map<String, MeasureReview.Report> inPhase = new java.util.LinkedHashMap<>();
                for (int y = phase.firstFy(); y <= phase.lastFy(); y++) {
                    inPhase.putAll(repository.reports(run, p.planId(), y));
                }
                List<ItemResult> phaseResults = review.items(planItems, inPhase, year, p.firstFy(), p.lastFy(), phases);
                rollups = new java.util.ArrayList<>(rollups);
                for (MeasureReview.Rollup u : review.rollups(p.planId(), p.name(), repository.goals(run, p.planId()),
                        measures, List.of(), phaseResults)) {
                    if (u.level().equals("plan") || u.level().equals("goal")) {
                        rollups.add(new MeasureReview.Rollup("phase_" + u.level(), u.id(), u.label(), u.name(), u.counts(),
                                u.items(), u.rating()));
                    }
                }
            }
            repository.save(run, year, p.planId(),
                    measures.stream().collect(Collectors.toMap(Measure::measureId, Measure::goalId)), results, rollups,
                    phase == null ? null : phase.name(), rule.describe());
            items += results.size();
            explanations(run, year, p, results);
        }
        contribution.incrementReadCount();
        contribution.incrementWriteCount(items);
        return RepeatStatus.FINISHED;
    }

    /** A year outside the plan's period or a phase the plan does not define: the row is left out. */
    private int checkSchedules(long run) {
        int count = 0;
        Map<String, List<String>> phasesOfPlan = new java.util.HashMap<>();
        for (MeasureRepository.ScheduleRow row : repository.scheduleRows(run)) {
            Schedule schedule = Schedule.parse(row.schedule());
            List<Integer> outside = schedule.stages().keySet().stream()
                .filter(y -> y < row.firstFy() || y > row.lastFy()).toList();
            List<String> phases = phasesOfPlan.computeIfAbsent(row.planId(),
                    plan -> repository.phases(run, plan).stream().map(Phase::name).toList());
            List<String> unknown = Roadmap.parse(row.roadmap()).byPhase().keySet().stream()
                .filter(ph -> !phases.contains(ph)).toList();
            if (!outside.isEmpty()) {
                findings.add(Finding.of(Severity.ERROR, "measure.schedule-outside-plan", ITEMS, row.line(), "schedule",
                        row.schedule(), "取組事項 " + row.itemId() + " の予定に計画期間（" + FiscalYear.of(row.firstFy()).japanese()
                                + "〜" + FiscalYear.of(row.lastFy()).japanese() + "）外の年度 " + outside.stream()
                                    .map(String::valueOf).collect(Collectors.joining("、"))
                                + " がある。この行は取り込まない"));
            }
            if (!unknown.isEmpty()) {
                findings.add(Finding.of(Severity.ERROR, "measure.roadmap-unknown-phase", ITEMS, row.line(), "roadmap",
                        row.roadmap(), "取組事項 " + row.itemId() + " のロードマップの期「" + String.join("、", unknown)
                                + "」は plan-phases.csv にこの計画の期として定義されていない（"
                                + (phases.isEmpty() ? "期の定義なし" : String.join("、", phases)) + "）。この行は取り込まない"));
            }
            if (!outside.isEmpty() || !unknown.isEmpty()) {
                repository.excludeItem(run, row.line());
                count++;
            }
        }
        return count;
    }

    /** A report on a 再掲 row is left out: the department reports on the original, which both rows show. */
    private int checkReports(long run) {
        int count = 0;
        for (MeasureRepository.RepeatReport r : repository.reportsOnRepeats(run)) {
            findings.add(Finding.of(Severity.ERROR, "measure.report-on-repeat", REPORTS, r.line(), "item_id", r.itemId(),
                    "取組事項 " + r.itemId() + " は " + r.repeatOf() + " の再掲。報告は元の取組事項 " + r.repeatOf()
                            + " に書く（再掲の行にも表示される）。この行は取り込まない"));
            repository.excludeReport(run, r.line());
            count++;
        }
        return count;
    }

    /** The review must explain every miss: a finding for each one that is not, and a note on what is unreported. */
    private int explanations(long run, int year, Plan p, List<ItemResult> results) {
        int count = 0;
        String yearWord = FiscalYear.of(year).japanese();
        for (ItemResult r : results) {
            if (r.missingExplanation() != null) {
                findings.add(Finding.of(Severity.WARNING, "measure.miss-unexplained", REPORTS, r.report().sourceLine(),
                        r.missingExplanation().startsWith("課題") ? "issues" : "next_steps", r.report().status().word(),
                        "取組事項「" + r.item().name() + "」（" + r.item().itemId() + "）は" + yearWord + "に「"
                                + r.report().status().word() + "」と報告されたが、" + r.missingExplanation()
                                + "が書かれていない（遅れ・未着手・中止には説明が要る）"));
                count++;
            }
        }
        if (year >= p.firstFy() && year <= p.lastFy()) {
            for (KpiStatus k : MeasureReview.unexplainedKpis(repository.kpiStatuses(run, p.planId(), year),
                    repository.explainedKpis(run, year))) {
                findings.add(Finding.of(Severity.WARNING, "kpi.miss-unexplained", EXPLANATIONS, null, "kpi_id", k.kpiId(),
                        "成果指標「" + k.name() + "」は" + yearWord + "の状況が「" + statusWord(k.statusWord())
                                + "」だが、要因分析・今後の方向性の報告がない"));
                count++;
            }
            Map<Progress, Long> byProgress = results.stream().filter(r -> r.item().repeatOf() == null)
                .collect(Collectors.groupingBy(ItemResult::progress, Collectors.counting()));
            long unreported = byProgress.getOrDefault(Progress.NOT_REPORTED, 0L);
            if (unreported > 0) {
                findings.add(Finding.of(Severity.INFO, "measure.not-reported", REPORTS, null, "fiscal_year",
                        Integer.toString(year), p.name() + "：" + yearWord + "に予定のある区の取組事項のうち " + unreported
                                + " 件に報告がない（報告書には「報告なし」と表示）"));
                count++;
            }
        }
        return count;
    }

    private static String statusWord(String status) {
        return jp.nakano.planreview.attainment.Status.valueOf(status).word();
    }

}
