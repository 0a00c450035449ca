package jp.nakano.planreview.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.eprocedure.FigureQueries;
import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.findings.Severity;

/**
 * Fixes the fiscal year under review: the one asked for, or else the latest year with figures (e-procedure
 * figures or actuals of a plan's KPIs; reference indicators do not count), and checks the plan asked for.
 */
class ResolveReviewYearTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ResolveReviewYearTasklet.class);

    private final JdbcTemplate jdbc;

    private final ReviewRun run;

    private final FindingRecorder findings;

    private final LoadedFigures figures;

    ResolveReviewYearTasklet(JdbcTemplate jdbc, ReviewRun run, FindingRecorder findings, LoadedFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.run = run;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = run.runId();
        String plan = run.plan();
        if (plan != null) {
            Integer known = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM in_plan WHERE run_id = ? AND plan_id = ? AND NOT excluded", Integer.class, runId,
                    plan);
            if (known == null || known == 0) {
                throw new InvalidRunRequestException("unknown plan '" + plan + "': plans.csv has "
                        + jdbc.queryForList("SELECT plan_id FROM in_plan WHERE run_id = ? AND NOT excluded",
                                String.class, runId).stream().sorted().toList()); // sorted here: collations differ
            }
        }
        // from the rows in columns: a MAX over every e-procedure row read them all (3 s at 1,000,000 rows)
        Integer latestFigures = new FigureQueries(figures.of(runId)).latestYear();
        // the plan filter is added only when a plan is given: an untyped NULL parameter fails on PostgreSQL
        Integer latestActuals = jdbc.queryForObject("""
                SELECT MAX(a.fiscal_year) FROM in_kpi_actual a
                JOIN in_kpi k ON k.run_id = a.run_id AND k.kpi_id = a.kpi_id AND NOT k.excluded
                WHERE a.run_id = ? AND NOT a.excluded AND k.plan_id IS NOT NULL""" + (plan == null ? "" : " AND k.plan_id = ?"),
                Integer.class, plan == null ? new Object[] { runId } : new Object[] { runId, plan });
        Integer latest = latestFigures == null ? latestActuals
                : latestActuals == null ? latestFigures : Math.max(latestFigures, latestActuals);
        FiscalYear requested = run.requestedYear();
        FiscalYear year;
        if (requested != null) {
            year = requested;
            if (latest == null || requested.year() > latest) {
                findings.add(Finding.of(Severity.WARNING, "run.year-without-figures", null, null, "fiscal-year",
                        requested.toString(), requested.label() + "までの電子手続の数値・成果指標の実績がない"
                                + (latest == null ? "" : "（数値のある最新の年度は" + FiscalYear.of(latest).label() + "）")));
            }
        }
        else if (latest == null) {
            throw new InvalidRunRequestException(
                    "the input has no e-procedure figures and no KPI actuals, so there is no year to review; "
                            + "add figures or give --fiscal-year");
        }
        else {
            year = FiscalYear.of(latest);
        }
        run.resolveFiscalYear(year);
        log.info("Reviewing {}{}", year.label(), plan == null ? "" : " for plan " + plan);
        return RepeatStatus.FINISHED;
    }

}
