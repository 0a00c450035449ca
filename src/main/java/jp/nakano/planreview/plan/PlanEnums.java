package jp.nakano.planreview.plan;

/** Value sets of the plan input files; their lower-case names are what the CSV files contain. */
public final class PlanEnums {

    private PlanEnums() {
    }

    /** Draft (案) or final edition of a plan. */
    public enum Edition { DRAFT, FINAL }

    /** Whether a higher or a lower value is better. */
    public enum Direction { HIGHER, LOWER }

    /** What a KPI value measures: a level at a point in time, the year's own value (単年度), or a running total (累計). */
    public enum Basis { LEVEL, ANNUAL, CUMULATIVE }

    /** How the actuals of a cumulative KPI are entered. */
    public enum CumulativeEntry { RUNNING_TOTAL, INCREMENT }

    /** Whether the plan gives a baseline value or says the measure has not started yet ([未実施]). */
    public enum BaselineStatus { VALUE, NOT_STARTED }

    /** Interim (中間), final (計画終了時), a yearly milestone, or a yearly pace the plan text gives. */
    public enum TargetKind { INTERIM, FINAL, MILESTONE, PACE }

    /** Final (確定値) or provisional (速報値) figure. */
    public enum FigureStatus { FINAL, PROVISIONAL }

    /** How a カバー率-type KPI weighs procedures: by their number or by their receipts. */
    public enum Weighting { PROCEDURES, RECEIPTS }

    static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
    }

}
