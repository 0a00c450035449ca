package jp.nakano.planreview.attainment;

/** The status of a KPI in a year, with a word and a symbol so that it reads in black and white. */
public enum Status {

    /** The final target is already met. */
    ACHIEVED("達成", "◎"),
    /** At or ahead of the plan's trajectory. */
    ON_TRACK("順調", "○"),
    /** Behind the trajectory, but at least at the "おおむね順調" share of its pace. */
    SLIGHTLY_BEHIND("やや遅れ", "△"),
    /** Further behind the trajectory. */
    BEHIND("遅れ", "▲"),
    /** Moved away from the target since the baseline. */
    WORSENED("悪化", "×"),
    /** No actual, or not assessable; the reason says why. */
    NOT_ASSESSED("未評価", "－");

    private final String word;

    private final String symbol;

    Status(String word, String symbol) {
        this.word = word;
        this.symbol = symbol;
    }

    public String word() {
        return word;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * Whether this status is a change from the previous year's, between two assessed statuses. A KPI going
     * to or from 未評価 (no figures that year) shows that by its status and reason, and would only drown
     * the real changes.
     */
    public boolean isChangeFrom(Status previous) {
        return previous != null && previous != this && previous != NOT_ASSESSED && this != NOT_ASSESSED;
    }

}
