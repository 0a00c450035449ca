package jp.nakano.planreview.findings;

/**
 * One validation finding: what was found where, so a person can go to the file and line and fix it.
 *
 * @param code stable identifier of the rule, e.g. {@code row.invalid-value}
 * @param file input file name, or {@code null} for a finding about the run
 * @param line physical line in the file (header is line 1), or {@code null}
 * @param field the column concerned, or {@code null}
 * @param value the value found
 * @param message what is wrong and what was expected
 * @param raw the whole raw record when the row was rejected, so nothing is lost
 */
public record Finding(Severity severity, String code, String file, Long line, String field, String value,
        String message, String raw) {

    public static Finding of(Severity severity, String code, String file, Long line, String field, String value,
            String message) {
        return new Finding(severity, code, file, line, field, value, message, null);
    }

}
