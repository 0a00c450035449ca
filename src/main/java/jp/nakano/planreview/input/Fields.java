package jp.nakano.planreview.input;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;

/**
 * Typed access to the cells of one CSV row that collects every problem of the row, so one rejection
 * names all of them; {@link #check()} throws when there was any.
 */
public final class Fields {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The longest text cell the tables hold. */
    static final int MAX_TEXT = 4000;

    /** DECIMAL(38, 10): the most integer and fraction digits a number cell may have. */
    private static final int MAX_INTEGER_DIGITS = 28;

    private static final int MAX_FRACTION_DIGITS = 10;

    private final CsvRow row;

    private final List<RejectedRowException.Problem> problems = new ArrayList<>();

    public Fields(CsvRow row) {
        this.row = row;
        if (row.cells().size() < row.expectedWidth()) {
            problems.add(new RejectedRowException.Problem("(row)", row.raw(), "見出し行の" + row.expectedWidth()
                    + "列のうち" + row.cells().size() + "列しかない（行の途中で切れているか、列がずれている）"));
        }
        else if (row.width() > row.expectedWidth()) {
            problems.add(new RejectedRowException.Problem("(row)", row.raw(), row.width() + "列あるが見出し行は"
                    + row.expectedWidth() + "列（引用符で囲まれていないカンマがないか）"));
        }
    }

    public CsvRow row() {
        return row;
    }

    public void problem(String field, String value, String reason) {
        problems.add(new RejectedRowException.Problem(field, value, reason));
    }

    /** Throws the collected problems, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new RejectedRowException(row, problems);
        }
    }

    public String text(String column) {
        String value = row.cell(column);
        if (value == null) {
            problem(column, "", "必須の項目が空");
        }
        return checkLength(column, value);
    }

    public String optionalText(String column) {
        return checkLength(column, row.cell(column));
    }

    private String checkLength(String column, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            problem(column, value.substring(0, 40) + "…", value.length() + "文字あり、上限の"
                    + MAX_TEXT + "文字を超える");
            return null;
        }
        return value;
    }

    public String id(String column) {
        String value = text(column);
        return value == null ? null : checkId(column, value);
    }

    public String optionalId(String column) {
        String value = row.cell(column);
        return value == null ? null : checkId(column, value);
    }

    /** {@link #ID} without a matcher a row: the same rule, as a loop over the characters. */
    static boolean isId(String value) {
        int n = value.length();
        if (n == 0 || n > 64 || !asciiLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!asciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private String checkId(String column, String value) {
        if (!isId(value)) {
            String hidden = invisible(value);
            problem(column, hidden == null ? value : visible(value), hidden == null
                    ? "IDは英数字と「.」「_」「-」だけで書く"
                    : "IDに見えない文字 " + hidden + " が含まれる（コピー元の書式が残っている。消して打ち直す）");
            return null;
        }
        return value;
    }

    /**
     * The invisible or space characters of a text with their position, e.g. {@code U+200B（ZERO WIDTH
     * SPACE、4文字目）}, or {@code null} when it has none; such a character makes an id look right and not match.
     */
    static String invisible(String value) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (hidden(cp)) {
                found.add(String.format("U+%04X（%s、%d文字目）", cp, Character.getName(cp),
                        value.codePointCount(0, i) + 1));
            }
            i += Character.charCount(cp);
        }
        return found.isEmpty() ? null : String.join("、", found);
    }

    private static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || Character.isWhitespace(cp)
                || Character.isSpaceChar(cp);
    }

    /** The text with each invisible character shown as {@code <U+200B>}, so the finding's value shows it. */
    static String visible(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (hidden(cp)) {
                out.append(String.format("<U+%04X>", cp));
            }
            else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    public FiscalYear fiscalYear(String column) {
        String value = text(column);
        return value == null ? null : toFiscalYear(column, value);
    }

    public FiscalYear optionalFiscalYear(String column) {
        String value = row.cell(column);
        return value == null ? null : toFiscalYear(column, value);
    }

    private FiscalYear toFiscalYear(String column, String value) {
        try {
            return FiscalYear.parse(value);
        }
        catch (IllegalArgumentException ex) {
            problem(column, value, "年度として読めない（2025、FY2025、R7、令和7年度 のように書く）");
            return null;
        }
    }

    public Integer integer(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        BigDecimal number = toDecimal(column, value, false);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        }
        catch (ArithmeticException ex) {
            problem(column, value, "整数で書く");
            return null;
        }
    }

    /** An exact number that may be negative, with an optional '%'; empty is allowed. */
    public BigDecimal optionalDecimal(String column) {
        String value = row.cell(column);
        return value == null ? null : toDecimal(column, value, true);
    }

    public BigDecimal decimal(String column) {
        String value = text(column);
        return value == null ? null : toDecimal(column, value, true);
    }

    /** A count (件数, 手続数): a whole number, zero or more; empty is allowed. */
    public BigDecimal optionalCount(String column) {
        String value = row.cell(column);
        if (value == null) {
            return null;
        }
        BigDecimal number = toDecimal(column, value, false);
        if (number == null) {
            return null;
        }
        if (number.signum() < 0) {
            problem(column, value, "件数・手続数は負にできない");
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            problem(column, value, "件数・手続数は整数で書く");
            return null;
        }
        return number;
    }

    private BigDecimal toDecimal(String column, String value, boolean allowPercent) {
        try {
            BigDecimal number = Decimals.parse(value, allowPercent);
            if (number.precision() - number.scale() > MAX_INTEGER_DIGITS || number.scale() > MAX_FRACTION_DIGITS) {
                problem(column, value, "桁数が多すぎる（整数部" + MAX_INTEGER_DIGITS + "桁、小数部"
                        + MAX_FRACTION_DIGITS + "桁まで）");
                return null;
            }
            return number;
        }
        catch (NumberFormatException ex) {
            problem(column, value, ex.getMessage());
            return null;
        }
    }

    /** A flag: true/false, yes/no, 1/0, ○/×; empty means unknown. */
    public Boolean optionalFlag(String column) {
        String value = row.cell(column);
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "○", "〇", "y" -> {
                return Boolean.TRUE;
            }
            case "false", "no", "0", "×", "n", "-" -> {
                return Boolean.FALSE;
            }
            default -> {
                problem(column, value, "true / false（○ / ×、1 / 0）のどれかで書く");
                return null;
            }
        }
    }

    /** One of an enum's constants, written in lower case ({@code not_started}). */
    public <E extends Enum<E>> E choice(String column, Class<E> type) {
        String value = text(column);
        return value == null ? null : toChoice(column, value, type);
    }

    public <E extends Enum<E>> E optionalChoice(String column, Class<E> type) {
        String value = row.cell(column);
        return value == null ? null : toChoice(column, value, type);
    }

    private <E extends Enum<E>> E toChoice(String column, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        problem(column, value, "次のどれかで書く: " + Arrays.stream(type.getEnumConstants())
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", ")));
        return null;
    }

}
