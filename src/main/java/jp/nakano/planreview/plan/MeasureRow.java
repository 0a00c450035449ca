package jp.nakano.planreview.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/** A measure of a plan (取組 / 施策) and the goal it serves, from {@code measures.csv}. */
public record MeasureRow(String measureId, String planId, String goalId, int seq, String label, String name,
        String source, String sourceFile, long sourceLine) implements TableRow {

    public static final RowParser<MeasureRow> PARSER = new RowParser<>(
            new InputSchema("measures.csv",
                    List.of("measure_id", "plan_id", "goal_id", "seq", "label", "name", "source"), List.of()),
            "in_measure", MeasureRow::parse);

    static MeasureRow parse(CsvRow row) {
        Fields f = new Fields(row);
        String measureId = f.id("measure_id");
        String planId = f.id("plan_id");
        String goalId = f.id("goal_id");
        Integer seq = f.integer("seq");
        String label = f.text("label");
        String name = f.text("name");
        String source = f.text("source");
        f.check();
        return new MeasureRow(measureId, planId, goalId, seq, label, name, source, row.file(), row.line());
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("measure_id", measureId);
        c.put("plan_id", planId);
        c.put("goal_id", goalId);
        c.put("seq", seq);
        c.put("label", label);
        c.put("name", name);
        c.put("source", source);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
