package jp.nakano.planreview.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/** A goal of a plan (目標 / 目指す姿), from {@code goals.csv}. */
public record GoalRow(String goalId, String planId, int seq, String label, String name, String source,
        String sourceFile, long sourceLine) implements TableRow {

    public static final RowParser<GoalRow> PARSER = new RowParser<>(
            new InputSchema("goals.csv", List.of("goal_id", "plan_id", "seq", "label", "name", "source"), List.of()),
            "in_goal", GoalRow::parse);

    static GoalRow parse(CsvRow row) {
        Fields f = new Fields(row);
        String goalId = f.id("goal_id");
        String planId = f.id("plan_id");
        Integer seq = f.integer("seq");
        String label = f.text("label");
        String name = f.text("name");
        String source = f.text("source");
        f.check();
        return new GoalRow(goalId, planId, seq, label, name, source, row.file(), row.line());
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("goal_id", goalId);
        c.put("plan_id", planId);
        c.put("seq", seq);
        c.put("label", label);
        c.put("name", name);
        c.put("source", source);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
