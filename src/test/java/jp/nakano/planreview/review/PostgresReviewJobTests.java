package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.nakano.planreview.PlanReviewApplication;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.receipts.ExportReceiptCountsTasklet;
import jp.nakano.planreview.report.ReportContents;

/**
 * Runs {@code annualReviewJob} on the bundled data against a real PostgreSQL server with the
 * {@code postgres} profile, and the same runs on HSQLDB: the results must be right and byte for byte the
 * same, and the batch metadata must be in PostgreSQL. The server comes from {@code PLAN_REVIEW_TEST_PG_URL},
 * {@code _USER} and {@code _PASSWORD}; each run of the test works in a schema of its own and drops it.
 * Without the URL the test is skipped, unless {@code PLAN_REVIEW_REQUIRE_PG=true} (as in {@code .ci/run}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReviewJobTests {

    private static final String URL = env("PLAN_REVIEW_TEST_PG_URL");

    private static final String USER = env("PLAN_REVIEW_TEST_PG_USER");

    private static final String PASSWORD = env("PLAN_REVIEW_TEST_PG_PASSWORD");

    private static final boolean REQUIRED = "true".equalsIgnoreCase(env("PLAN_REVIEW_REQUIRE_PG"));

    private static final List<Integer> YEARS = List.of(2020, 2022);

    private static final List<String> CSV_FILES = List.of(ExportResultsTasklet.UTILISATION_FILE,
            ExportResultsTasklet.ATTAINMENT_FILE, ExportResultsTasklet.SUMMARY_FILE, ExportResultsTasklet.SERIES_FILE,
            ExportResultsTasklet.INPUTS_FILE, ExportResultsTasklet.FINDINGS_FILE);

    /** The year of the run with SAMPLE receipt logs ({@link ReceiptLogJobTests#inputWithLogs}). */
    private static final int RECEIPTS_YEAR = 2021;

    @TempDir
    private static Path dir;

    /** This test run's schema: a fresh one, so a run never sees the tables of an earlier one. */
    private final String schema = "plan_review_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private final Map<Integer, JobExecution> onPostgres = new LinkedHashMap<>();

    private final Map<Integer, JobExecution> onHsqldb = new LinkedHashMap<>();

    private boolean schemaCreated;

    /** Why the runs could not be made, for every test that reads them. */
    private Throwable setupFailure;

    /**
     * Skips (or, when PostgreSQL is required, fails) each test without a server, so the report shows them
     * skipped and why; the runs are made once, by the first test.
     */
    @BeforeEach
    void runTheJobOnBothDatabasesOnce() throws Throwable {
        if (URL == null) {
            if (REQUIRED) {
                fail("PLAN_REVIEW_REQUIRE_PG=true but PLAN_REVIEW_TEST_PG_URL is not set");
            }
            assumeTrue(false, "PostgreSQL test skipped: set PLAN_REVIEW_TEST_PG_URL (e.g. "
                    + "jdbc:postgresql://localhost:5432/planreview), PLAN_REVIEW_TEST_PG_USER and "
                    + "PLAN_REVIEW_TEST_PG_PASSWORD to run it (.ci/run does)");
        }
        if (onPostgres.isEmpty() && setupFailure == null) {
            try {
                runTheJobOnBothDatabases();
            }
            catch (Throwable ex) {
                setupFailure = ex;
            }
        }
        if (setupFailure != null) {
            throw setupFailure;
        }
    }

    private void runTheJobOnBothDatabases() throws Exception {
        try (Connection connection = connect(URL); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            schemaCreated = true;
        }
        catch (SQLException ex) {
            // the URL is set, so the server is meant to be there: never a silent skip
            fail("cannot reach PostgreSQL at " + URL + " as " + USER + ": " + ex.getMessage(), ex);
        }
        // the profile and a JDBC URL (with the role), as a user gives them on the command line; nothing else
        List<String> postgresArgs = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + inSchema(URL)));
        if (USER != null) {
            postgresArgs.add("--spring.datasource.username=" + USER);
        }
        if (PASSWORD != null) {
            postgresArgs.add("--spring.datasource.password=" + PASSWORD);
        }
        Path receiptInput = inputWithReceiptIdsThatCollateDifferently(dir.resolve("receipts"));
        try (ConfigurableApplicationContext postgres = start(postgresArgs.toArray(String[]::new))) {
            for (int year : YEARS) {
                onPostgres.put(year, run(postgres, ReviewFixture.BUNDLED_INPUT, dir.resolve("postgres"), year));
            }
            onPostgres.put(RECEIPTS_YEAR, run(postgres, receiptInput, dir.resolve("postgres"), RECEIPTS_YEAR));
        }
        try (ConfigurableApplicationContext hsqldb = start(
                "--spring.datasource.url=jdbc:hsqldb:mem:postgres-comparison;hsqldb.tx=mvcc")) {
            for (int year : YEARS) {
                onHsqldb.put(year, run(hsqldb, ReviewFixture.BUNDLED_INPUT, dir.resolve("hsqldb"), year));
            }
            onHsqldb.put(RECEIPTS_YEAR, run(hsqldb, receiptInput, dir.resolve("hsqldb"), RECEIPTS_YEAR));
        }
    }

    /**
     * The bundled data with ReceiptLogJobTests' SAMPLE logs, and two SAMPLE FY2021 procedures whose ids sort apart
     * by code point (HSQLDB: s01, s01-P5, s01-new3, s01-new4, s01a) and by the server's ja-u-ka-shifted collation
     * (which ignores the hyphen and puts lower case first: s01, s01a, s01-new3, s01-new4, s01-P5), each with receipts.
     */
    private static Path inputWithReceiptIdsThatCollateDifferently(Path home) throws Exception {
        Path input = ReceiptLogJobTests.inputWithLogs(home);
        Files.writeString(input.resolve("eprocedure-figures.csv"), Files.readString(input.resolve("eprocedure-figures.csv"))
                + "2021,s01-P5,procedure,s01,5,SAMPLE 手続（大文字のID）,,10,,,,,,SAMPLE (test: ids that collate differently),\n"
                + "2021,s01a,procedure,s01,6,SAMPLE 手続（記号なしのID）,,20,,,,,,SAMPLE (test: ids that collate differently),\n");
        StringBuilder log = new StringBuilder("received_on,procedure_id,channel\n");
        for (int i = 0; i < 12; i++) {
            log.append(FiscalYear.of(RECEIPTS_YEAR).firstDay().plusMonths(i)).append(",s01-P5,online\n")
                .append(FiscalYear.of(RECEIPTS_YEAR).firstDay().plusMonths(i).plusDays(1)).append(",s01a,counter\n");
        }
        Files.writeString(input.resolve("receipts/FY2021/sample-c.csv"), log.toString());
        return input;
    }

    @AfterAll
    void dropTheSchema() throws SQLException {
        if (schemaCreated) {
            try (Connection connection = connect(URL); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void shouldReproduceEveryUtilisationRatePrintedForFY2020OnPostgres() throws Exception {
        JobExecution run = onPostgres.get(2020);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        for (Map<String, String> row : readOutput(ReviewFixture.runFolder(run).resolve(ExportResultsTasklet.UTILISATION_FILE))) {
            byId.put(row.get("row_id"), row);
        }
        for (String[] printed : AnnualReviewJobTests.PRINTED_FY2020) {
            assertThat(byId).containsKey(printed[0]);
            assertThat(byId.get(printed[0]).get("name")).isEqualTo(printed[1]);
            assertThat(byId.get(printed[0]).get("utilisation_rate_percent")).as(printed[1]).isEqualTo(printed[2]);
            assertThat(byId.get(printed[0]).get("rate_check")).as(printed[1]).isEqualTo("MATCHES");
        }
        assertThat(byId.keySet().stream().limit(AnnualReviewJobTests.PRINTED_FY2020.length))
            .containsExactly(java.util.Arrays.stream(AnnualReviewJobTests.PRINTED_FY2020).map(p -> p[0]).toArray(String[]::new));
        assertThat(byId.get("computed_total").get("utilisation_rate_percent")).isEqualTo("59.16");
    }

    @Test
    void shouldEvaluateTheFY2022KpisOnPostgresAsAPersonDoes() throws Exception {
        JobExecution run = onPostgres.get(2022);

        Map<String, Map<String, String>> kpis = new LinkedHashMap<>();
        for (Map<String, String> row : readOutput(ReviewFixture.runFolder(run).resolve(ExportResultsTasklet.ATTAINMENT_FILE))) {
            kpis.put(row.get("kpi_id"), row);
        }
        assertThat(kpis).hasSize(32);
        // the card rate: 62.3% against 77.2% expected, 44.9% of the way, 67.3% of the pace (KpiAttainmentJobTests)
        assertThat(kpis.get("chiiki2-k01")).containsEntry("actual", "62.3")
            .containsEntry("expected", "77.2")
            .containsEntry("progress_percent", "44.9")
            .containsEntry("pace_ratio_percent", "67.3")
            .containsEntry("status", "遅れ");
        assertThat(kpis.get("chiiki2-k02")).containsEntry("actual", "1793615")
            .containsEntry("interim_met", "true")
            .containsEntry("status", "順調");
        assertThat(kpis.get("chiiki2-k02").get("actual_source")).startsWith("derived");
    }

    @Test
    void shouldWriteTheSameCsvBytesOnPostgresAsOnHsqldb() throws Exception {
        for (int year : YEARS) {
            Path postgres = ReviewFixture.runFolder(onPostgres.get(year));
            Path hsqldb = ReviewFixture.runFolder(onHsqldb.get(year));
            assertThat(postgres.getParent().getFileName()).hasToString("FY" + year);
            for (String file : CSV_FILES) {
                assertThat(Files.readAllBytes(postgres.resolve(file))).as("FY%d %s", year, file)
                    .isEqualTo(Files.readAllBytes(hsqldb.resolve(file)));
            }
        }
    }

    @Test
    void shouldWriteTheSameReceiptCountsOnPostgresAsOnHsqldbWhateverTheCollation() throws Exception {
        Path postgres = ReviewFixture.runFolder(onPostgres.get(RECEIPTS_YEAR));
        Path hsqldb = ReviewFixture.runFolder(onHsqldb.get(RECEIPTS_YEAR));
        // as text, so a difference reads as lines; both decode as UTF-8 or fail, so equal text is equal bytes
        String written = Files.readString(hsqldb.resolve(ExportReceiptCountsTasklet.FILE));

        assertThat(Files.readString(postgres.resolve(ExportReceiptCountsTasklet.FILE))).isEqualTo(written);
        for (String file : CSV_FILES) {
            assertThat(Files.readAllBytes(postgres.resolve(file))).as("FY%d %s", RECEIPTS_YEAR, file)
                .isEqualTo(Files.readAllBytes(hsqldb.resolve(file)));
        }
        // and the order is the documented one: procedures by row_id as written (code points), the year before its months
        List<String> procedures = readOutput(hsqldb.resolve(ExportReceiptCountsTasklet.FILE)).stream()
            .filter(r -> r.get("scope").equals("procedure") && r.get("month").isEmpty()).map(r -> r.get("row_id")).toList();
        assertThat(procedures).containsExactly("s01-P5", "s01-new3", "s01-new4", "s01a");
        try (Connection connection = connect(URL); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT x FROM (VALUES ('s01-P5'), ('s01-new3'), ('s01-new4'), "
                        + "('s01a')) v(x) ORDER BY x")) {
            List<String> byServer = new ArrayList<>();
            while (rs.next()) {
                byServer.add(rs.getString(1));
            }
            // the test means something only where the server sorts them otherwise (CI's ja-u-ka-shifted does)
            assertThat(byServer).as("the server's own order").isNotEqualTo(procedures);
        }
    }

    @Test
    void shouldRenderTheSameReportsOnPostgresAsOnHsqldb() throws Exception {
        Path postgres = ReviewFixture.runFolder(onPostgres.get(2022));
        Path hsqldb = ReviewFixture.runFolder(onHsqldb.get(2022));
        // the DX plan is not reviewed before FY2023 (its earliest baseline year): no report of it for FY2022
        for (String plan : List.of("chiiki2")) {
            String pdf = "review-" + plan + "-FY2022.pdf";
            // the same input gives the same PDF, whichever database computed it
            assertThat(Files.readAllBytes(postgres.resolve(pdf))).isEqualTo(Files.readAllBytes(hsqldb.resolve(pdf)));
            String xlsx = "review-" + plan + "-FY2022.xlsx";
            assertThat(ReportContents.cells(postgres.resolve(xlsx))).isEqualTo(ReportContents.cells(hsqldb.resolve(xlsx)));
        }
    }

    @Test
    void shouldKeepTheBatchMetadataAndTheResultsInPostgres() throws Exception {
        JobExecution run = onPostgres.get(2020);

        try (Connection connection = connect(inSchema(URL))) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(query(connection, "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", run.getId()))
                .containsExactly("COMPLETED");
            assertThat(query(connection, "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                    + "AND STATUS = 'COMPLETED' ORDER BY STEP_EXECUTION_ID", run.getId()))
                .containsExactlyElementsOf(run.getStepExecutions().stream().map(s -> s.getStepName()).toList())
                .hasSize(28);
            // the sum of the systems; the rows other than the 10 主な手続, which only the results file lists
            assertThat(query(connection, "SELECT COUNT(*) FROM res_eprocedure_utilisation WHERE run_id = ?", run.getId()))
                .containsExactly("1");
            assertThat(query(connection, "SELECT COUNT(*) FROM in_eprocedure_figure WHERE run_id = ?", run.getId()))
                .containsExactly("23");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(PlanReviewApplication.class).run(args);
    }

    private static JobExecution run(ConfigurableApplicationContext context, Path input, Path output, int year)
            throws Exception {
        return context.getBean(JobOperator.class)
            .start(context.getBean("annualReviewJob", Job.class),
                    ReviewRun.parameters(input, output, FiscalYear.of(year), null));
    }

    private String inSchema(String url) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    private static List<String> query(Connection connection, String sql, long runId) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }



    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

}
