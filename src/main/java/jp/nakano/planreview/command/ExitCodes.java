package jp.nakano.planreview.command;

/** The exit codes of plan-review, as documented in the README for schedulers. */
public final class ExitCodes {

    /** The run completed; warnings may have been reported. */
    public static final int OK = 0;

    /** Any other failure: a bug, a database or disk problem. The log file has the details. */
    public static final int FAILURE = 1;

    /** Invalid input or usage: the message says what to fix. Results of a completed run are still written. */
    public static final int INVALID_INPUT = 2;

    /** Another run holds the data folder (and so the year): nothing was done; try again when it ends. */
    public static final int RUN_IN_PROGRESS = 3;

    /**
     * {@code verify}: a file of the run folder was changed, removed or added since the run wrote its manifest.
     */
    public static final int VERIFY_MISMATCH = 4;

    private ExitCodes() {
    }

}
