package jp.nakano.planreview.measures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/**
 * A 取組事項 of a 取組 / 施策 and its planned stage per year (or its roadmap per phase), from
 * {@code measure-items.csv}.
 */
public record MeasureItemRow(String itemId, String measureId, String activityId, int seq, String name, String mark,
        Owner owner, String repeatOf, String departments, Schedule schedule, Roadmap roadmap, String schedulePrinted,
        String condition, Boolean yearsCertain, String source, String note, String sourceFile, long sourceLine)
        implements TableRow {

    public static final RowParser<MeasureItemRow> PARSER = new RowParser<>(
            new InputSchema("measure-items.csv",
                    List.of("item_id", "measure_id", "activity_id", "seq", "name", "mark", "owner", "repeat_of",
                            "departments", "schedule", "roadmap", "condition", "years_certain", "source"),
                    List.of("schedule_printed", "note")),
            "in_measure_item", MeasureItemRow::parse);

    /** ◎ new (新規), ○ expanded (拡充; in the DX plan ○ is 推進事業), or no mark. */
    static final List<String> MARKS = List.of("◎", "○");

    static MeasureItemRow parse(CsvRow row) {
        Fields f = new Fields(row);
        String itemId = f.id("item_id");
        String measureId = f.id("measure_id");
        String activityId = f.optionalId("activity_id");
        Integer seq = f.integer("seq");
        String name = f.text("name");
        String mark = f.optionalText("mark");
        if (mark != null && !MARKS.contains(mark)) {
            f.problem("mark", mark, "◎（新規）か ○（拡充・推進）で書くか、空にする");
        }
        Owner owner = f.choice("owner", Owner.class);
        String repeatOf = f.optionalId("repeat_of");
        if (repeatOf != null && repeatOf.equals(itemId)) {
            f.problem("repeat_of", repeatOf, "自分自身の再掲にはできない");
        }
        Schedule schedule = Schedule.EMPTY;
        try {
            schedule = Schedule.parse(row.cell("schedule"));
        }
        catch (IllegalArgumentException ex) {
            f.problem("schedule", row.cell("schedule"), ex.getMessage());
        }
        Roadmap roadmap = Roadmap.EMPTY;
        try {
            roadmap = Roadmap.parse(row.cell("roadmap"));
        }
        catch (IllegalArgumentException ex) {
            f.problem("roadmap", row.cell("roadmap"), ex.getMessage());
        }
        Boolean certain = f.optionalFlag("years_certain");
        if (certain == null && row.cell("years_certain") == null) {
            f.problem("years_certain", "", "必須の項目が空（年度が確かなら true、読み取りに推定を含むなら false）");
        }
        MeasureItemRow parsed = new MeasureItemRow(itemId, measureId, activityId, seq == null ? 0 : seq, name, mark,
                owner, repeatOf, f.optionalText("departments"), schedule, roadmap, f.optionalText("schedule_printed"),
                f.optionalText("condition"), certain, f.text("source"), f.optionalText("note"), row.file(), row.line());
        f.check();
        return parsed;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("item_id", itemId);
        c.put("measure_id", measureId);
        c.put("activity_id", activityId);
        c.put("seq", seq);
        c.put("name", name);
        c.put("mark", mark);
        c.put("owner", owner.name().toLowerCase(java.util.Locale.ROOT));
        c.put("repeat_of", repeatOf);
        c.put("departments", departments);
        c.put("schedule", schedule.isEmpty() ? null : schedule.cell());
        c.put("roadmap", roadmap.isEmpty() ? null : roadmap.cell());
        c.put("schedule_printed", schedulePrinted);
        c.put("condition_text", condition);
        c.put("years_certain", yearsCertain);
        c.put("source", source);
        c.put("note", note);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
