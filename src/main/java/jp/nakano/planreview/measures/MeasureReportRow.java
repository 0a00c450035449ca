package jp.nakano.planreview.measures;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/**
 * A department's report on one 取組事項 for one fiscal year (status, 実績, 課題, 今後の方向性), from
 * {@code measure-reports.csv}. The ward has published none: the bundled file holds only its header.
 */
public record MeasureReportRow(FiscalYear fiscalYear, String itemId, ReportedStatus status, String done,
        String issues, String nextSteps, String selfRating, String reportedBy, LocalDate reportedOn, String source,
        String sourceFile, long sourceLine) implements TableRow {

    public static final RowParser<MeasureReportRow> PARSER = new RowParser<>(
            new InputSchema("measure-reports.csv",
                    List.of("fiscal_year", "item_id", "status", "done", "issues", "next_steps", "reported_by",
                            "reported_on", "source"),
                    List.of("self_rating")),
            "in_measure_report", MeasureReportRow::parse);

    /** The optional self-rating: S 予定を上回った, A 予定どおり, B 一部遅れ, C 予定どおり進まなかった. */
    static final List<String> RATINGS = List.of("S", "A", "B", "C");

    static MeasureReportRow parse(CsvRow row) {
        Fields f = new Fields(row);
        FiscalYear year = f.fiscalYear("fiscal_year");
        String itemId = f.id("item_id");
        String word = f.text("status");
        ReportedStatus status = null;
        if (word != null) {
            status = ReportedStatus.ofWord(word).orElse(null);
            if (status == null) {
                f.problem("status", word, "次のどれかで書く: " + ReportedStatus.words());
            }
        }
        String rating = f.optionalText("self_rating");
        if (rating != null && !RATINGS.contains(rating)) {
            f.problem("self_rating", rating, "S（予定を上回った）、A（予定どおり）、B（一部遅れ）、C（予定どおり進まなかった）のどれかで書くか、空にする");
        }
        MeasureReportRow parsed = new MeasureReportRow(year, itemId, status, f.optionalText("done"),
                f.optionalText("issues"), f.optionalText("next_steps"), rating, f.text("reported_by"),
                date(f, "reported_on"), f.text("source"), row.file(), row.line());
        f.check();
        return parsed;
    }

    /** A date written as 2023-05-31 (or 2023/05/31). */
    static LocalDate date(Fields f, String column) {
        String value = f.text(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.replace('/', '-'));
        }
        catch (DateTimeParseException ex) {
            f.problem(column, value, "日付として読めない（2023-05-31 のように書く）");
            return null;
        }
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("fiscal_year", fiscalYear.year());
        c.put("item_id", itemId);
        c.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        c.put("done", done);
        c.put("issues", issues);
        c.put("next_steps", nextSteps);
        c.put("self_rating", selfRating);
        c.put("reported_by", reportedBy);
        c.put("reported_on", java.sql.Date.valueOf(reportedOn));
        c.put("source", source);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
