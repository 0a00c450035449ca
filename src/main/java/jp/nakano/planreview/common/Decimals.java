package jp.nakano.planreview.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Exact decimal reading and the one rounding rule of plan-review (half-up, for display only).
 *
 * <p>Figures stay exact {@link BigDecimal}s through every computation; {@link #round} and
 * {@link #percent} are the only places that round.
 */
public final class Decimals {

    /** The one rounding rule: 四捨五入. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Decimals() {
    }

    /**
     * Reads a number as the ward writes it: {@code 1,461,063}, full-width {@code １４６１０６３}, {@code ▲500}
     * (Japanese minus), and with {@code allowPercent} a trailing {@code %} ({@code 62.3%} reads as 62.3).
     * @throws NumberFormatException saying what was expected
     */
    public static BigDecimal parse(String text, boolean allowPercent) {
        if (plainAscii(text)) {
            // what the rules below make of it, without their cost: a million-row load reads three numbers a row
            return new BigDecimal(text);
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (s.endsWith("%")) {
            if (!allowPercent) {
                throw new NumberFormatException("この列には「%」を付けない");
            }
            s = s.substring(0, s.length() - 1).strip(); // "62.3 %" as Excel and Word write it
        }
        if (s.startsWith("▲") || s.startsWith("△")) {
            s = "-" + s.substring(1);
        }
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        else if (!PLAIN.matcher(s).matches()) {
            throw new NumberFormatException("数値として読めない（1,461,063 や 62.3"
                    + (allowPercent ? "、62.3%" : "") + " のように書く。「約」「万」など計画の表記は *_text の列に書く）");
        }
        return new BigDecimal(s);
    }

    /** Whether {@code s} is {@code -?[0-9]+(\.[0-9]+)?} in ASCII: a number nothing in {@link #parse} would change. */
    private static boolean plainAscii(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i++) != '.' || i == n) {
            return false;
        }
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == n;
    }

    /**
     * Precision of quotients that do not terminate (a third of a year's way): 34 significant digits
     * (IEEE 754 decimal128), far below anything displayed; the rounding rule is the same half-up.
     */
    public static final MathContext QUOTIENT = new MathContext(34, ROUNDING);

    /** {@code a ÷ b} exact where it terminates, else to 34 significant digits; {@code null} if b is zero or missing. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, QUOTIENT);
    }

    /** Rounds a value for display, half-up, to {@code scale} decimal places. */
    public static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, ROUNDING);
    }

    /**
     * {@code numerator ÷ denominator} as a percentage rounded half-up to {@code scale} places, in one
     * division so there is no double rounding; {@code null} when the denominator is zero or missing.
     */
    public static BigDecimal percent(BigDecimal numerator, BigDecimal denominator, int scale) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(HUNDRED).divide(denominator, scale, ROUNDING);
    }

    /** The same exact value without trailing zeros after the point (9782.0000 becomes 9782); no rounding. */
    public static BigDecimal normalise(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A value for Japanese readers, rounded half-up to at most {@code scale} places with thousands separators
     * and no trailing zeros after the point: 1,793,615 or 62.3.
     */
    public static String grouped(BigDecimal value, int scale) {
        if (value == null) {
            return "";
        }
        BigDecimal shown = normalise(round(value, scale));
        // the separators are the ward's (1,461,063 and 62.3) whatever the server's locale
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(ROUNDING);
        return format.format(shown);
    }

    /**
     * A value rounded half-up to exactly {@code scale} places, with thousands separators and the zeros kept:
     * 46.0, 100.0, 1,793,615. For figures whose decimals say how precise they are.
     */
    public static String fixed(BigDecimal value, int scale) {
        if (value == null) {
            return "";
        }
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(ROUNDING);
        // round first with the one rule, so the format only lays out the digits (and -0 reads 0)
        BigDecimal rounded = round(value, scale);
        return format.format(rounded.signum() == 0 ? rounded.abs() : rounded);
    }

    /** The most decimals any of the exact values has once trailing zeros are dropped (0 for none). */
    public static int decimals(java.util.Collection<BigDecimal> values) {
        return values.stream().filter(java.util.Objects::nonNull).mapToInt(v -> normalise(v).scale()).max().orElse(0);
    }

    /** Plain text of an exact value without exponent or trailing zeros after the point. */
    public static String plain(BigDecimal value) {
        return value == null ? "" : normalise(value).toPlainString();
    }

}
