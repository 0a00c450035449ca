package jp.nakano.planreview.attainment;

import java.math.BigDecimal;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.plan.PlanEnums.Weighting;

/**
 * KPI actuals computed from the e-procedure figures instead of being typed in, each either a value in
 * the KPI's unit or the reason it cannot be computed. The database supplies the sums.
 */
public final class DerivedActuals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DerivedActuals() {
    }

    /** A derived value, or why there is none. */
    public record Derived(BigDecimal value, String reason, String how) {

        static Derived of(BigDecimal value, String how) {
            return new Derived(value, null, how);
        }

        static Derived none(String reason) {
            return new Derived(null, reason, null);
        }

    }

    /**
     * The sums over the year's 主要手続: procedures (主な手続, and systems listed as a single procedure)
     * with at least the threshold of 全受付件数.
     *
     * @param unknownCapability 主要手続 whose online_capable flag is not given
     * @param unknownReceipts single procedures of the year without 全受付件数: whether they are 主要手続 is unknown
     * @param missingOnline online-capable 主要手続 without 電子受付件数
     * @param singles the single procedures of the year whatever their receipts (0: the year has no figures per
     *        procedure, so there is nothing to pick 主要手続 from)
     */
    public record MajorProcedures(long count, long unknownCapability, long unknownReceipts, long missingOnline,
            BigDecimal receipts, BigDecimal capableReceipts, BigDecimal capableOnline, long singles) {

        /** Sums of a year known to list single procedures. */
        public MajorProcedures(long count, long unknownCapability, long unknownReceipts, long missingOnline,
                BigDecimal receipts, BigDecimal capableReceipts, BigDecimal capableOnline) {
            this(count, unknownCapability, unknownReceipts, missingOnline, receipts, capableReceipts, capableOnline,
                    Math.max(count + unknownReceipts, 1));
        }

    }

    /**
     * The sums over the year's procedures for 書かない窓口.
     *
     * @param unknown procedures whose kakanai_supported flag is not given
     * @param unknownReceipts procedures without 全受付件数 (they matter only when weighting by receipts)
     * @param procedures every procedure of the year: single procedures and those a 上記以外 row bundles (its 手続数)
     * @param unknown procedures without the flag, a 上記以外 row's 手続数 included when the row carries none
     */
    public record Kakanai(long procedures, long unknown, long supported, long unknownReceipts, BigDecimal receipts,
            BigDecimal supportedReceipts) {
    }

    /** The reason of a year whose e-procedure figures list no procedure: the figures are missing, not the procedures. */
    public static final String NO_PROCEDURE_FIGURES = "no figures per procedure";

    /** オンラインによる申請手続受付件数: the year's total 電子受付件数 as the ward published it. */
    public static Derived onlineReceiptsTotal(BigDecimal publishedTotal, int year) {
        return publishedTotal == null
                ? Derived.none("no ward total of 電子受付件数 for FY" + year + " in eprocedure-figures.csv")
                : Derived.of(publishedTotal, "the FY" + year + " ward total of 電子受付件数");
    }

    /** 主要手続のオンライン手続カバー率 = receipts of online-capable 主要手続 ÷ receipts of all 主要手続, in %. */
    public static Derived majorOnlineCoverage(MajorProcedures m, BigDecimal threshold, int year) {
        String problem = majorProblem(m, threshold, year);
        if (problem != null) {
            return Derived.none(problem);
        }
        return Derived.of(Decimals.divide(m.capableReceipts().multiply(HUNDRED), m.receipts()),
                "receipts of online-capable 主要手続 ÷ receipts of all " + m.count() + " 主要手続");
    }

    /** 主要手続のオンライン手続利用率 = 電子受付件数 ÷ 全受付件数 over the online-capable 主要手続, in %. */
    public static Derived majorOnlineUtilisation(MajorProcedures m, BigDecimal threshold, int year) {
        String problem = majorProblem(m, threshold, year);
        if (problem != null) {
            return Derived.none(problem);
        }
        if (m.capableReceipts().signum() == 0) {
            return Derived.none("no online-capable 主要手続 in FY" + year);
        }
        if (m.missingOnline() > 0) {
            return Derived.none("電子受付件数 is not given for " + m.missingOnline()
                    + " online-capable 主要手続 of FY" + year);
        }
        return Derived.of(Decimals.divide(m.capableOnline().multiply(HUNDRED), m.capableReceipts()),
                "電子受付件数 ÷ 全受付件数 over the online-capable 主要手続");
    }

    private static String majorProblem(MajorProcedures m, BigDecimal threshold, int year) {
        if (m.singles() == 0) {
            return NO_PROCEDURE_FIGURES + " in FY" + year;
        }
        if (m.unknownReceipts() > 0) {
            return "全受付件数 is not given for " + m.unknownReceipts() + " procedures of FY" + year
                    + ", so which are 主要手続 cannot be told";
        }
        if (m.count() == 0) {
            return "no 主要手続 (at least " + Decimals.plain(threshold) + " receipts) in FY" + year;
        }
        if (m.unknownCapability() > 0) {
            return "online_capable is not given for " + m.unknownCapability() + " of the " + m.count()
                    + " 主要手続 of FY" + year;
        }
        return null;
    }

    /**
     * 書かない窓口のカバー率, weighted as the KPI says: by the number of procedures (the 施策6 table) or
     * by their receipts (the glossary's カバー率), in %.
     */
    public static Derived kakanaiCoverage(Kakanai k, Weighting weighting, int year) {
        if (k.procedures() == 0) {
            return Derived.none(NO_PROCEDURE_FIGURES + " in FY" + year);
        }
        if (k.unknown() > 0) {
            return Derived.none("kakanai_supported is not given for " + k.unknown() + " of the " + k.procedures()
                    + " procedures of FY" + year);
        }
        if (weighting == Weighting.RECEIPTS) {
            if (k.unknownReceipts() > 0) {
                return Derived.none("全受付件数 is not given for " + k.unknownReceipts() + " procedures of FY" + year);
            }
            return k.receipts() == null || k.receipts().signum() == 0 ? Derived.none("no receipts in FY" + year)
                    : Derived.of(Decimals.divide(k.supportedReceipts().multiply(HUNDRED), k.receipts()),
                            "receipts of 書かない窓口 procedures ÷ all receipts");
        }
        return Derived.of(Decimals.divide(BigDecimal.valueOf(k.supported()).multiply(HUNDRED),
                BigDecimal.valueOf(k.procedures())), "書かない窓口 procedures ÷ all procedures");
    }

}
