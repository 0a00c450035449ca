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
import jp.nakano.planreview.plan.PlanEnums.Edition;

/** A plan (計画) with its period and edition, from {@code plans.csv}. */
public record PlanRow(String planId, String name, FiscalYear firstFy, FiscalYear lastFy, Edition edition,
        String issued, String issuer, String source, String sourceFile, long sourceLine) implements TableRow {

    public static final RowParser<PlanRow> PARSER = new RowParser<>(
            new InputSchema("plans.csv", List.of("plan_id", "name", "first_fy", "last_fy", "edition", "source"),
                    List.of("issued", "issuer")),
            "in_plan", PlanRow::parse);

    static PlanRow parse(CsvRow row) {
        Fields f = new Fields(row);
        PlanRow plan = new PlanRow(f.id("plan_id"), f.text("name"), f.fiscalYear("first_fy"), f.fiscalYear("last_fy"),
                f.choice("edition", Edition.class), f.optionalText("issued"), f.optionalText("issuer"), f.text("source"),
                row.file(), row.line());
        if (plan.firstFy() != null && plan.lastFy() != null && plan.lastFy().compareTo(plan.firstFy()) < 0) {
            f.problem("last_fy", row.cell("last_fy"), "first_fy " + plan.firstFy() + " より前にはできない");
        }
        f.check();
        return plan;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("plan_id", planId);
        c.put("name", name);
        c.put("first_fy", firstFy.year());
        c.put("last_fy", lastFy.year());
        c.put("edition", PlanEnums.lower(edition));
        c.put("issued", issued);
        c.put("issuer", issuer);
        c.put("source", source);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
