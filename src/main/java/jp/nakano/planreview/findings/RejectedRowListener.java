package jp.nakano.planreview.findings;

import org.springframework.batch.core.listener.SkipListener;

import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.InputFileException;
import jp.nakano.planreview.input.ParsedRow;
import jp.nakano.planreview.input.RejectedRowException;
import jp.nakano.planreview.input.TableRow;

/** Keeps every skipped row as error findings, one per broken rule, with the raw record, so nothing is lost. */
public class RejectedRowListener implements SkipListener<ParsedRow<?>, TableRow> {

    private final FindingRecorder findings;

    public RejectedRowListener(FindingRecorder findings) {
        this.findings = findings;
    }

    @Override
    public void onSkipInProcess(ParsedRow<?> parsed, Throwable t) {
        CsvRow row = parsed.row();
        if (t instanceof RejectedRowException rejected) {
            for (RejectedRowException.Problem p : rejected.problems()) {
                findings.add(new Finding(Severity.ERROR, "row.rejected", row.file(), row.line(), p.field(), p.value(),
                        p.reason() + "。この行は取り込まない", row.raw()));
            }
        }
        else {
            findings.add(new Finding(Severity.ERROR, "row.rejected", row.file(), row.line(), null, null,
                    "処理できない: " + t.getMessage() + "。この行は取り込まない", row.raw()));
        }
    }

    @Override
    public void onSkipInRead(Throwable t) {
        String file = t instanceof InputFileException ife ? ife.file() : null;
        findings.add(Finding.of(Severity.ERROR, "row.unreadable", file, null, null, null, t.getMessage()));
    }

    @Override
    public void onSkipInWrite(TableRow row, Throwable t) {
        findings.add(Finding.of(Severity.ERROR, "row.not-stored", null, null, null, String.valueOf(row.columns()),
                "保存できない: " + t.getMessage()));
    }

}
