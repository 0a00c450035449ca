package jp.nakano.planreview.measures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/** A 実施内容 (①…⑤) of a 取組, with its 関連部署, from {@code measure-activities.csv}. */
public record MeasureActivityRow(String activityId, String measureId, int seq, String label, String name,
        String departments, String repeatOf, String source, String note, String sourceFile, long sourceLine)
        implements TableRow {

    public static final RowParser<MeasureActivityRow> PARSER = new RowParser<>(
            new InputSchema("measure-activities.csv",
                    List.of("activity_id", "measure_id", "seq", "label", "name", "departments", "source"),
                    List.of("repeat_of", "note")),
            "in_measure_activity", MeasureActivityRow::parse);

    static MeasureActivityRow parse(CsvRow row) {
        Fields f = new Fields(row);
        MeasureActivityRow parsed = new MeasureActivityRow(f.id("activity_id"), f.id("measure_id"), orZero(f.integer("seq")),
                f.text("label"), f.text("name"), f.text("departments"), f.optionalId("repeat_of"), f.text("source"),
                f.optionalText("note"), row.file(), row.line());
        f.check();
        return parsed;
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("activity_id", activityId);
        c.put("measure_id", measureId);
        c.put("seq", seq);
        c.put("label", label);
        c.put("name", name);
        c.put("departments", departments);
        c.put("repeat_of", repeatOf);
        c.put("source", source);
        c.put("note", note);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
