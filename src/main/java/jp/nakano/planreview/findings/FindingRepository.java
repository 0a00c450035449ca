package jp.nakano.planreview.findings;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import jp.nakano.planreview.input.InputFiles;

/** Stores the findings of a run, in the order they were made. */
@Repository
public class FindingRepository {

    /**
     * WHERE (the run as parameter) and ORDER BY of the findings in the order every output lists them; files
     * by {@link InputFiles#byName}, so the order does not depend on the database's collation.
     */
    public static final String IN_REPORT_ORDER = """
             WHERE run_id = ?
            ORDER BY CASE severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END,
                     """ + InputFiles.byName("file_name") + ", COALESCE(line_no, 0), finding_id";

    private final JdbcTemplate jdbc;

    public FindingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long runId, Finding finding) {
        jdbc.update("""
                INSERT INTO run_finding (run_id, severity, code, file_name, line_no, field_name, field_value, message, raw_record)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", runId, finding.severity().name(), finding.code(), finding.file(),
                finding.line(), finding.field(), truncate(finding.value(), 1000), truncate(finding.message(), 2000),
                truncate(finding.raw(), 4000));
    }

    /** Counts by severity, every severity present in the map. */
    public Map<Severity, Long> countBySeverity(long runId) {
        Map<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT severity, COUNT(*) FROM run_finding WHERE run_id = ? GROUP BY severity",
                rs -> {
                    counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2));
                }, runId);
        return counts;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
