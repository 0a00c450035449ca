package jp.nakano.planreview.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.nakano.planreview.PlanReviewApplication;

/**
 * Runs the command as separate processes, as a scheduler does, and breaks them: a second run while one
 * holds the data folder, a run killed with SIGKILL while loading and while rendering. The next run must
 * recover without manual steps and give the files a clean run gives.
 */
class RunFaultsTests {

    private static final Pattern RUN_NAME = Pattern.compile("for run (\\d{8}-\\d{6}-\\d+-[0-9a-f]{6})");

    private static final List<String> COMPARED = List.of("eprocedure-utilisation.csv", "kpi-attainment.csv",
            "kpi-summary.csv", "kpi-series.csv", "validation-findings.csv", "review-chiiki2-FY2022.pdf");

    @TempDir
    private static Path shared;

    private static Path clean;

    @TempDir
    private Path dir;

    private final List<Process> processes = new ArrayList<>();

    /** The reference: a run of the bundled data that nothing disturbed. */
    @BeforeAll
    static void runCleanly() throws Exception {
        Child child = Child.start(shared.resolve("out"), shared.resolve("data"));
        assertThat(child.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(child.process.exitValue()).as(child.output()).isZero();
        clean = onlyRunFolder(shared.resolve("out/FY2022"));
    }

    @AfterEach
    void stopChildren() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void shouldRefuseASecondRunWithExitThreeNamingTheRunThatHoldsTheYear() throws Exception {
        Child first = started(dir.resolve("out"), dir.resolve("data"));
        String runName = first.await(RUN_NAME).group(1);
        // the lock names the run once its job has started
        first.await(Pattern.compile("prepareRunStep"));

        Child second = started(dir.resolve("out"), dir.resolve("data"));
        assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).as("the second run exits at once").isTrue();

        assertThat(second.process.exitValue()).isEqualTo(ExitCodes.RUN_IN_PROGRESS);
        assertThat(second.output()).contains("another run is in progress").contains("run " + runName)
            .contains("Nothing was done");
        assertThat(first.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(first.process.exitValue()).as(first.output()).isZero();
        assertSameFilesAsACleanRun(onlyRunFolder(dir.resolve("out/FY2022")));
    }

    /**
     * Also: history once gave a killed run the time until the next run closed it (49.9 s for a run that lived
     * 1.6 s); it is the time until the run was last seen working.
     */
    @Test
    void shouldRecoverARunKilledWhileLoading() throws Exception {
        long launched = System.nanoTime();
        Child killed = started(dir.resolve("out"), dir.resolve("data"));
        String runName = killed.await(RUN_NAME).group(1);
        killed.await(Pattern.compile("prepareRunStep .*COMPLETED"));
        killed.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        double lived = (System.nanoTime() - launched) / 1e9;
        Thread.sleep(5_000); // the next run comes later

        Child next = started(dir.resolve("out"), dir.resolve("data"));

        assertThat(next.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(next.process.exitValue()).as(next.output()).isZero();
        assertThat(next.output()).containsPattern("Run " + runName + " had not finished: its process ended (in \\w+Step|between steps); marked ABANDONED");
        assertSameFilesAsACleanRun(onlyRunFolder(dir.resolve("out/FY2022")));
        Child history = started(dir.resolve("data"), List.of("history"));
        assertThat(history.process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String line = history.output().lines().filter(l -> l.startsWith(runName)).findFirst().orElseThrow();
        Matcher duration = Pattern.compile(" (\\d+\\.\\d) s +ABANDONED").matcher(line);
        assertThat(duration.find()).as(line).isTrue();
        assertThat(Double.parseDouble(duration.group(1))).as(line + " (the process lived %.1f s)", lived)
            .isLessThanOrEqualTo(lived);
    }

    @Test
    void shouldRecoverARunKilledWhileRenderingAndNeverPublishItsHalfFolder() throws Exception {
        Child killed = started(dir.resolve("out"), dir.resolve("data"));
        String runName = killed.await(RUN_NAME).group(1);
        // the first plan's report is written, the second's is being rendered
        killed.await(Pattern.compile("Rendered review-chiiki2-FY2022.pdf"));
        killed.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // what the killed run wrote is in its hidden working folder, not where people look
        assertThat(dir.resolve("out/.work-" + runName)).isDirectory();
        assertThat(dir.resolve("out/FY2022/" + runName)).doesNotExist();

        Child next = started(dir.resolve("out"), dir.resolve("data"));

        assertThat(next.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(next.process.exitValue()).as(next.output()).isZero();
        assertThat(next.output()).contains("Run " + runName + " had not finished: its process ended in renderReportsStep")
            .contains("its unpublished outputs removed, its log kept in");
        assertThat(dir.resolve("out/.work-" + runName)).doesNotExist();
        // the killed run's log stays for whoever looks into it, with the reason it ended
        assertThat(Files.readString(dir.resolve("out/.failed-" + runName + "/run.log")))
            .contains("renderReportsStep").contains("closed as ABANDONED by a later run");
        try (Stream<Path> left = Files.list(dir.resolve("out/.failed-" + runName))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("run.log");
        }
        Path published = onlyRunFolder(dir.resolve("out/FY2022"));
        assertThat(Files.readString(dir.resolve("out/FY2022/latest")).strip()).isEqualTo(published.getFileName().toString());
        assertSameFilesAsACleanRun(published);
    }

    /**
     * Killed the moment its folder appears in the year folder, before or while {@code latest} is written: the
     * published folder, complete with its manifest, is the run's result, and the next run records it so.
     * History, {@code latest} and the portal's list then say the same (it once said ABANDONED, published nothing).
     */
    @Test
    void shouldRecordARunKilledAfterItsFolderWasPublishedAsCompleted() throws Exception {
        Child killed = started(dir.resolve("out"), dir.resolve("data"));
        String runName = killed.await(RUN_NAME).group(1);
        Path published = dir.resolve("out/FY2022/" + runName);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.isDirectory(published) && killed.process.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        killed.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(published).as(killed.output()).isDirectory();

        Child next = started(dir.resolve("data"), List.of("--input=input", "--output=" + dir.resolve("out"),
                "--fiscal-year=2022", "--force"));
        assertThat(next.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(next.process.exitValue()).as(next.output()).isZero();
        Child history = started(dir.resolve("data"), List.of("history"));
        assertThat(history.process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        String line = history.output().lines().filter(l -> l.startsWith(runName)).findFirst().orElseThrow();
        assertThat(line).as(history.output()).contains(" COMPLETED ").contains("FY2022/" + runName)
            .doesNotContain("ABANDONED");
        // both runs are published and complete; latest names the newer one, nothing temporary is left
        List<Path> runs = CommandFixture.runFolders(dir.resolve("out/FY2022"));
        assertThat(runs).hasSize(2);
        String newer = runs.stream().map(p -> p.getFileName().toString()).filter(n -> !n.equals(runName)).findFirst()
            .orElseThrow();
        assertThat(Files.readString(dir.resolve("out/FY2022/latest")).strip()).isEqualTo(newer);
        try (Stream<Path> entries = Files.list(dir.resolve("out/FY2022"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        assertSameFilesAsACleanRun(published);
    }

    /**
     * A full disk once put some 280 lines of the logging library's stack traces on the console, and the
     * {@code run.log} the console named was cut at 4 KB without the failure. The output folder is a 600 KB
     * tmpfs (root only: mounting needs it; .ci/run runs as root): the run fails while rendering.
     */
    @Test
    void shouldSayAFullDiskInOneLineAndKeepTheWholeTraceWhereTheConsoleSays() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full"));
        requireTmpfs("root".equals(System.getProperty("user.name")),
                "mounting a tiny tmpfs for a full disk needs root (.ci/run runs as root)");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", full.toString())
            .redirectErrorStream(true).start();
        String mountOutput = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        requireTmpfs(mount.waitFor() == 0, "cannot mount a tmpfs here: " + mountOutput);
        try {
            Child run = started(full.resolve("out"), dir.resolve("data"));
            assertThat(run.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
            String console = run.output();

            assertThat(run.process.exitValue()).as(console).isEqualTo(ExitCodes.FAILURE);
            assertThat(console.lines()).as(console).noneMatch(l -> l.startsWith("\tat ") || l.contains("|-ERROR")
                    || l.startsWith("Caused by") || l.startsWith("java."));
            assertThat(console.lines().filter(l -> l.contains("No space left on device")).count()).as(console)
                .isBetween(1L, 3L);
            Matcher named = Pattern.compile("details, with the stack trace, in (\\S+)").matcher(console);
            assertThat(named.find()).as(console).isTrue();
            Path log = Path.of(named.group(1));
            assertThat(log.toString()).contains(".failed-");
            String text = Files.readString(log);
            assertThat(text.length()).isGreaterThan(4096);
            assertThat(text).contains("No space left on device").contains("FAILED").contains("\tat ");
        }
        finally {
            new ProcessBuilder("umount", full.toString()).inheritIO().start().waitFor();
        }
    }

    /** Skips with the reason, or fails where the test must run (PLAN_REVIEW_REQUIRE_TMPFS=true, set by .ci/run). */
    private static void requireTmpfs(boolean possible, String why) {
        if (!possible && "true".equals(System.getenv("PLAN_REVIEW_REQUIRE_TMPFS"))) {
            throw new IllegalStateException("PLAN_REVIEW_REQUIRE_TMPFS=true but " + why);
        }
        Assumptions.assumeTrue(possible, why);
    }

    private Child started(Path data, List<String> arguments) throws IOException {
        Child child = Child.start(data, arguments);
        processes.add(child.process);
        return child;
    }

    private Child started(Path out, Path data) throws IOException {
        Child child = Child.start(out, data);
        processes.add(child.process);
        return child;
    }

    private static void assertSameFilesAsACleanRun(Path folder) throws IOException {
        for (String file : COMPARED) {
            assertThat(Files.readAllBytes(folder.resolve(file))).as(file).isEqualTo(Files.readAllBytes(clean.resolve(file)));
        }
    }

    private static Path onlyRunFolder(Path yearDir) throws IOException {
        List<Path> folders = CommandFixture.runFolders(yearDir);
        assertThat(folders).as("run folders in " + yearDir).hasSize(1);
        return folders.get(0);
    }

    /** plan-review in a JVM of its own, on the bundled data for FY2022, its console read line by line. */
    private record Child(Process process, BlockingQueue<String> lines, StringBuffer all) {

        static Child start(Path out, Path data) throws IOException {
            return start(data, List.of("--input=input", "--output=" + out, "--fiscal-year=2022"));
        }

        /** The command with {@code arguments} ({@code history}, or a run's options) on the data folder. */
        static Child start(Path data, List<String> arguments) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // the test classpath's config/application.properties is for in-process tests: the command's own
            // settings are given back on the command line
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    PlanReviewApplication.class.getName()));
            command.addAll(arguments);
            command.addAll(List.of("--plan-review.data-dir=" + data, "--plan-review.command.enabled=true",
                    "--spring.datasource.url=jdbc:hsqldb:file:" + data.resolve("db/plan-review")
                            + ";hsqldb.tx=mvcc;hsqldb.default_table_type=cached;hsqldb.log_size=0;hsqldb.lock_file=false;shutdown=true"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Process process = builder.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            StringBuffer all = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        all.append(line).append('\n');
                        lines.add(line);
                    }
                }
                catch (IOException ex) {
                    all.append("(console unreadable: ").append(ex.getMessage()).append(")\n");
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Child(process, lines, all);
        }

        /** Waits for the first line matching {@code pattern}; fails after two minutes or when the process ends. */
        Matcher await(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
                else if (!process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("no line matching " + pattern + " in:\n" + all);
        }

        String output() throws InterruptedException {
            Thread.sleep(100); // the last lines of an ended process
            return all.toString();
        }

    }

}
