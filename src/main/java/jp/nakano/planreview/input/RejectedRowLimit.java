package jp.nakano.planreview.input;

import java.util.Set;

import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;

/**
 * Skips rejected rows of one input file up to the limit; past it the step fails with a message that names
 * the file, so the last console line says which file to fix.
 */
public class RejectedRowLimit extends LimitCheckingExceptionHierarchySkipPolicy {

    private final String fileName;

    public RejectedRowLimit(String fileName, long limit) {
        super(Set.of(RejectedRowException.class), limit);
        this.fileName = fileName;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        try {
            return super.shouldSkip(t, skipCount);
        }
        catch (SkipLimitExceededException ex) {
            throw new Exceeded(fileName, ex.getSkipLimit(), t);
        }
    }

    /** The limit of rejected rows passed in one file; the message names it. */
    public static class Exceeded extends SkipLimitExceededException {

        private final String fileName;

        Exceeded(String fileName, long limit, Throwable last) {
            super(limit, last);
            this.fileName = fileName;
        }

        @Override
        public String getMessage() {
            return fileName + ": more than " + getSkipLimit() + " rejected rows (plan-review.max-rejected-rows-per-file"
                    + "), the last at " + (getCause() instanceof RejectedRowException r ? "line " + r.row().line()
                            : "an unreadable row")
                    + "; is the file in the documented layout?";
        }

    }

}
