package jp.nakano.planreview.common;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese fiscal year (年度), April to March, and the ward's ways of writing it.
 *
 * <p>This is the one place that knows the conventions: FY2025 = 令和7年度 = R7 = April 2025 to March 2026;
 * 令和N年度 = FY(2018+N), 令和元年度 = FY2019.
 */
public record FiscalYear(int year) implements Comparable<FiscalYear> {

    /** First fiscal year of the Reiwa era (令和元年度). */
    private static final int REIWA_OFFSET = 2018;

    private static final Pattern WESTERN = Pattern.compile("(?:FY)?(\\d{4})(?:年度)?", Pattern.CASE_INSENSITIVE);

    private static final Pattern REIWA = Pattern.compile("(?:R|令和)(\\d{1,2}|元)(?:年度)?", Pattern.CASE_INSENSITIVE);

    public FiscalYear {
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("fiscal year out of range: " + year);
        }
    }

    public static FiscalYear of(int year) {
        return new FiscalYear(year);
    }

    /** The fiscal year a date falls in: April 1st starts a new one. */
    public static FiscalYear containing(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /**
     * Reads {@code 2025}, {@code FY2025}, {@code 2025年度}, {@code R7}, {@code 令和7}, {@code 令和7年度}
     * or {@code 令和元年度}; full-width characters are accepted.
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static FiscalYear parse(String text) {
        if (text != null && text.length() == 4 && isAsciiDigits(text)) {
            return new FiscalYear(Integer.parseInt(text)); // 2025, as most rows write it: the rules below agree
        }
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip().replace(" ", "");
        Matcher western = WESTERN.matcher(s);
        if (western.matches()) {
            return new FiscalYear(Integer.parseInt(western.group(1)));
        }
        Matcher reiwa = REIWA.matcher(s);
        if (reiwa.matches()) {
            String n = reiwa.group(1);
            return new FiscalYear(REIWA_OFFSET + ("元".equals(n) ? 1 : Integer.parseInt(n)));
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a fiscal year; expected e.g. 2025, FY2025, R7 or 令和7年度");
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year + 1, 3, 31);
    }

    public FiscalYear previous() {
        return new FiscalYear(year - 1);
    }

    /** 令和 year number, or -1 before the Reiwa era. */
    public int reiwa() {
        return year > REIWA_OFFSET ? year - REIWA_OFFSET : -1;
    }

    /** The Japanese form, {@code 令和7年度}; {@code 令和元年度} for FY2019. */
    public String japanese() {
        int r = reiwa();
        if (r < 0) {
            return year + "年度";
        }
        return "令和" + (r == 1 ? "元" : Integer.toString(r)) + "年度";
    }

    /** The short Reiwa form for tight spaces such as a chart axis: {@code R7}; the western year before Reiwa. */
    public String shortJapanese() {
        int r = reiwa();
        return r > 0 ? "R" + r : Integer.toString(year);
    }

    /** The year's last day the Japanese way, as the date the year's figures refer to: {@code 2026年3月31日（令和7年度末）}. */
    public String endJapanese() {
        LocalDate end = lastDay();
        return end.getYear() + "年" + end.getMonthValue() + "月" + end.getDayOfMonth() + "日（" + japanese() + "末）";
    }

    private static final java.util.regex.Pattern WESTERN_FISCAL_YEAR = java.util.regex.Pattern.compile("(\\d{4})年度");

    /**
     * A plan's wording with its Western fiscal years written the Japanese way, so that one column reads in one
     * calendar: {@code 約6.8万件 (2024年度末)} becomes {@code 約6.8万件 (令和6年度末)}.
     */
    public static String japaneseIn(String text) {
        return text == null ? null
                : WESTERN_FISCAL_YEAR.matcher(text).replaceAll(m -> of(Integer.parseInt(m.group(1))).japanese());
    }

    /** Both forms, as the reports show them: {@code 令和7年度 (FY2025)}. */
    public String label() {
        return japanese() + " (" + this + ")";
    }

    /**
     * Both forms as a screen reader says them, for pages read aloud: {@code 令和7年度（2025年度）} (the
     * {@code FY} of {@link #label} is spelled out letter by letter).
     */
    public String spoken() {
        return reiwa() < 0 ? japanese() : japanese() + "（" + year + "年度）";
    }

    /** The folder name and the short form: {@code FY2025}. */
    @Override
    public String toString() {
        return "FY" + year;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(year, other.year);
    }

}
