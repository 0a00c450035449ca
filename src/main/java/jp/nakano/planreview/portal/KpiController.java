package jp.nakano.planreview.portal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jp.nakano.planreview.attainment.Status;
import jp.nakano.planreview.report.KpiFigures;
import jp.nakano.planreview.report.NoteWording;

/**
 * 成果指標の状況: the status of every KPI in the year's latest run ({@code kpi-attainment.csv}), sorted on the
 * server by the column asked for, so it works without JavaScript; each row links to its plan's report.
 */
@Controller
@Profile(PortalApplication.PROFILE)
class KpiController {

    static final String FILE = "kpi-attainment.csv";

    private final OutputFolder output;

    KpiController(OutputFolder output) {
        this.output = output;
    }

    @GetMapping("/fy/{year}/kpi")
    String kpis(@PathVariable String year, @RequestParam(defaultValue = "order") String sort,
            @RequestParam(defaultValue = "asc") String dir, Model model) throws IOException {
        int fy = RunsController.year(year);
        OutputFolder.Run run = output.latest(fy).orElseThrow(RunsController::notFound);
        List<KpiRow> rows = new ArrayList<>();
        Optional<Path> file = output.file(run, FILE);
        if (file.isPresent()) {
            int order = 0;
            Map<String, String> plans = run.manifest() == null ? Map.of() : run.manifest().plans();
            for (Map<String, String> row : CsvTable.read(file.get())) {
                rows.add(KpiRow.of(order++, row, fy, plans));
            }
        }
        Sort by = Sort.of(sort);
        boolean descending = "desc".equals(dir);
        rows.sort(by.comparator(descending));
        model.addAttribute("year", fy);
        model.addAttribute("run", RunsController.RunView.of(run));
        model.addAttribute("rows", rows);
        model.addAttribute("sort", by.key);
        model.addAttribute("dir", descending ? "desc" : "asc");
        model.addAttribute("legend", Status.values());
        // a heading sorts by its column; clicked again, the other way round. The arrow marks the current sort
        Map<String, String> next = new java.util.HashMap<>();
        Map<String, String> mark = new java.util.HashMap<>();
        for (Sort s : Sort.values()) {
            boolean current = s == by;
            next.put(s.key, current ? (descending ? "asc" : "desc") : (s == Sort.PROGRESS ? "desc" : "asc"));
            mark.put(s.key, current ? (descending ? " ▼" : " ▲") : "");
        }
        model.addAttribute("next", next);
        model.addAttribute("mark", mark);
        model.addAttribute("reports", run.manifest() == null ? java.util.Set.of()
                : run.manifest().outputFiles().stream().map(f -> f.path()).collect(java.util.stream.Collectors.toSet()));
        return "kpi";
    }

    /** The columns the table can be sorted by; an unknown key sorts in plan order. */
    enum Sort {

        ORDER("order", Comparator.comparingInt(KpiRow::order)),
        NAME("name", Comparator.comparing(KpiRow::name)),
        STATUS("status", Comparator.comparingInt(KpiRow::statusRank)),
        PROGRESS("progress", Comparator.comparing(KpiRow::progress, Comparator.nullsLast(Comparator.naturalOrder())));

        final String key;

        private final Comparator<KpiRow> comparator;

        Sort(String key, Comparator<KpiRow> comparator) {
            this.key = key;
            this.comparator = comparator;
        }

        static Sort of(String key) {
            for (Sort sort : values()) {
                if (sort.key.equals(key)) {
                    return sort;
                }
            }
            return ORDER;
        }

        /** Rows without a progress stay at the end either way; ties keep the plan order. */
        Comparator<KpiRow> comparator(boolean descending) {
            Comparator<KpiRow> main = this == PROGRESS
                    ? Comparator.comparing(KpiRow::progress,
                            Comparator.nullsLast(descending ? Comparator.<BigDecimal>reverseOrder() : Comparator.naturalOrder()))
                    : descending ? comparator.reversed() : comparator;
            return main.thenComparingInt(KpiRow::order);
        }

    }

    /** One KPI as the table shows it. */
    record KpiRow(int order, String plan, String goal, String name, String unit, String actual, String actualStatus,
            String expected, String finalTarget, BigDecimal progress, String status, String symbol, int statusRank,
            String report, String reason) {

        /** A row of kpi-attainment.csv; {@code plans} names the plans (id to name, from the manifest). */
        static KpiRow of(int order, Map<String, String> row, int year, Map<String, String> plans) {
            String status = row.getOrDefault("status", "");
            int rank = Status.values().length;
            Status rated = null;
            for (Status s : Status.values()) {
                if (s.word().equals(status)) {
                    rank = s.ordinal();
                    rated = s;
                }
            }
            String finalFy = row.get("final_fy");
            String progress = row.getOrDefault("progress_percent", "");
            String unit = row.get("unit");
            BigDecimal denominator = decimal(row.get("denominator"));
            String own = row.get("figure_decimals");
            int decimals = KpiFigures.decimals(unit, own == null || own.isBlank() ? 0 : Integer.parseInt(own));
            // the figures as the PDF prints them, by the same formatter: unit, rounding and all
            return new KpiRow(order, plans.getOrDefault(row.get("plan_id"), row.get("plan_id")), row.get("goal_label"), row.get("name"), unit,
                    shown(KpiFigures.value(decimal(row.get("actual")), unit, denominator, decimals)),
                    "provisional".equals(row.get("actual_status")) ? "速報値" : "",
                    shown(KpiFigures.value(decimal(row.get("expected")), unit, denominator, decimals)),
                    blankOr(row.get("final_target_text"),
                            shown(KpiFigures.value(decimal(row.get("final_target")), unit, denominator, decimals))),
                    progress.isBlank() ? null : new BigDecimal(progress), status, row.get("status_symbol"), rank,
                    "review-" + row.get("plan_id") + "-FY" + year + ".pdf",
                    NoteWording.note(row.get("reason"), Boolean.valueOf(row.get("interim_met")), rated, year,
                            finalFy == null || finalFy.isBlank() ? null : Integer.valueOf(finalFy)));
        }

        /** The progress as the report prints it, {@code 44.9%}. */
        public String progressText() {
            return progress == null ? "－" : KpiFigures.percent(progress);
        }

        private static String blankOr(String text, String fallback) {
            return text == null || text.isBlank() ? fallback : text;
        }

        /** An exact value of the CSV file, or null for an empty cell. */
        private static BigDecimal decimal(String value) {
            return value == null || value.isBlank() ? null : new BigDecimal(value);
        }

        private static String shown(String text) {
            return text.isEmpty() ? "－" : text;
        }

    }

}
