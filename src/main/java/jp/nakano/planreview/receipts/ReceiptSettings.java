package jp.nakano.planreview.receipts;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How receipt logs are counted: the threads (default: every core), the first rejected line numbers kept
 * per file and reason, which figure the review uses ({@link FiguresSource}); and the tallies in progress.
 */
@Component
public class ReceiptSettings {

    private final int threads;

    private final int keepLines;

    private final FiguresSource figures;

    private final ReceiptTotals totals = new ReceiptTotals();

    ReceiptSettings(@Value("${plan-review.receipts.threads:0}") int threads,
            @Value("${plan-review.receipts.first-lines:5}") int keepLines,
            @Value("${plan-review.receipts.figures:entered}") String figures) {
        if (threads < 0 || keepLines < 0) {
            throw new IllegalArgumentException("plan-review.receipts.threads and .first-lines must not be negative, not "
                    + threads + " and " + keepLines);
        }
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.keepLines = keepLines;
        try {
            this.figures = FiguresSource.valueOf(figures.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("plan-review.receipts.figures must be 'entered' or 'receipts', not '"
                    + figures + "'", ex);
        }
    }

    public int threads() {
        return threads;
    }

    public int keepLines() {
        return keepLines;
    }

    public FiguresSource figures() {
        return figures;
    }

    public ReceiptTotals totals() {
        return totals;
    }

}
