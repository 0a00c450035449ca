package jp.nakano.planreview.eprocedure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;

/**
 * Turns each e-procedure row of the review year into its utilisation result, numbering the results in the
 * order they are read and recording a finding where a printed rate disagrees with the figures.
 */
public class UtilisationProcessor implements ItemProcessor<EProcedureFigureRow, UtilisationRow>, StepExecutionListener {

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
