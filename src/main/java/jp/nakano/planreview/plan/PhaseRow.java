package jp.nakano.planreview.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/** A phase of a plan (前期 / 後期), from {@code plan-phases.csv}. */
public record PhaseRow(String planId, String phase, FiscalYear firstFy, FiscalYear lastFy, String source,
        String sourceFile, long sourceLine) implements TableRow {

    public static final RowParser<PhaseRow> PARSER = new RowParser<>(
            new InputSchema("plan-phases.csv", List.of("plan_id", "phase", "first_fy", "last_fy", "source"), List.of()),
            "in_plan_phase", PhaseRow::parse);

    static PhaseRow parse(CsvRow row) {
        Fields f = new Fields(row);
        PhaseRow phase = new PhaseRow(f.id("plan_id"), f.text("phase"), f.fiscalYear("first_fy"),
                f.fiscalYear("last_fy"), f.text("source"), row.file(), row.line());
        if (phase.firstFy() != null && phase.lastFy() != null && phase.lastFy().compareTo(phase.firstFy()) < 0) {
            f.problem("last_fy", row.cell("last_fy"), "first_fy " + phase.firstFy() + " より前にはできない");
        }
        f.check();
        return phase;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("plan_id", planId);
        c.put("phase", phase);
        c.put("first_fy", firstFy.year());
        c.put("last_fy", lastFy.year());
        c.put("source", source);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
