package jp.nakano.planreview.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which findings a plan's report shows: those about the plan itself (they name its id or the id of one of its
 * goals, measures or KPIs) and the ward-wide ones (they name no plan's id: the e-procedure figures, a year of
 * no plan); never the findings about another plan's KPIs.
 */
final class PlanFindings {

    /** An id as the input files write them (letters, digits, {@code - _ .}). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /** Every id of the run's plans, goals, measures and KPIs, with the plan it belongs to. */
    private final Map<String, String> planOf = new HashMap<>();

    PlanFindings(JdbcTemplate jdbc, long run) {
        jdbc.query("SELECT plan_id, plan_id FROM in_plan WHERE run_id = ? "
                + "UNION SELECT goal_id, plan_id FROM in_goal WHERE run_id = ? "
                + "UNION SELECT measure_id, plan_id FROM in_measure WHERE run_id = ? "
                + "UNION SELECT kpi_id, plan_id FROM in_kpi WHERE run_id = ? AND plan_id IS NOT NULL",
                rs -> {
                    planOf.putIfAbsent(rs.getString(1), rs.getString(2));
                }, run, run, run, run);
    }

    /** Whether the report of {@code plan} shows a finding with these texts (message, value, raw record …). */
    boolean shows(String plan, String... texts) {
        Set<String> plans = new HashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = ID.matcher(text);
            while (m.find()) {
                String id = m.group();
                // an id at the end of a sentence keeps its full stop out
                String owner = planOf.containsKey(id) ? planOf.get(id) : planOf.get(id.replaceAll("[.]+$", ""));
                if (owner != null) {
                    plans.add(owner);
                }
            }
        }
        return plans.isEmpty() || plans.contains(plan);
    }

}
