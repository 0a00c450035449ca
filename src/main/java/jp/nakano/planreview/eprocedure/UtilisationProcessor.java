package jp.nakano.planreview.eprocedure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;

/**
 * Turns each e-procedure row of the review year, in the plan's order, into its utilisation result, numbering
 * the results in that order and recording a finding where a printed rate disagrees with the figures.
 */
public class UtilisationProcessor implements ItemProcessor<EProcedureFigureRow, UtilisationRow>, StepExecutionListener {

    /**
     * The rows of one run and year in the plan's order: systems by number, each followed by its 主な手続 and
     * 上記以外, the published totals last.
     */
    public static final String ROWS_IN_PLAN_ORDER = "SELECT " + EProcedureFigureRowMapper.COLUMNS + """

            FROM in_eprocedure_figure f
            LEFT JOIN in_eprocedure_figure p ON p.run_id = f.run_id AND p.fiscal_year = f.fiscal_year
                 AND p.row_id = f.parent_id AND p.row_level = 'system' AND NOT p.excluded
            WHERE f.run_id = ? AND f.fiscal_year = ? AND NOT f.excluded
            ORDER BY CASE WHEN f.row_level = 'total' THEN 1 ELSE 0 END, COALESCE(p.seq, f.seq),
                     COALESCE(f.parent_id, f.row_id),
                     CASE f.row_level WHEN 'system' THEN 0 WHEN 'procedure' THEN 1 WHEN 'other' THEN 2 ELSE 3 END,
                     f.seq, f.source_line""";

    private final UtilisationCalculator calculator = new UtilisationCalculator();

    private final FindingRecorder findings;

    private int sortKey;

    public UtilisationProcessor(FindingRecorder findings) {
        this.findings = findings;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        sortKey = 0;
    }

    @Override
    public UtilisationRow process(EProcedureFigureRow figure) {
        List<Finding> made = new ArrayList<>();
        UtilisationRow row = calculator.utilisation(figure, ++sortKey, made);
        made.forEach(findings::add);
        return row;
    }

}
