package jp.nakano.planreview.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;


/**
 * Runs the application as the scheduler does, with command-line arguments and a file database, and
 * checks the exit code and what the operator reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReviewCommandTests {

    @TempDir
    private Path dir;

    @Test
    void shouldExitZeroAndPublishTheResultsOnTheBundledData(CapturedOutput output) throws Exception {
        int exit = run("--input=input", "--output=" + dir.resolve("out"), "--fiscal-year=令和2年度");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<Path> folders = CommandFixture.runFolders(dir.resolve("out/FY2020"));
        assertThat(folders).hasSize(1);
        assertThat(folders.get(0).resolve("eprocedure-utilisation.csv")).exists();
        assertThat(folders.get(0).resolve("validation-findings.csv")).exists();
        assertThat(folders.get(0).resolve("manifest.json")).exists();
        // the run's own log is published with it, for the auditor
        assertThat(Files.readString(folders.get(0).resolve("run.log"))).contains("loadEprocedureFiguresStep")
            .contains("Publishing run " + folders.get(0).getFileName());
        assertThat(output.getOut()).containsPattern(
                "loadEprocedureFiguresStep +eprocedure-figures.csv +read +33, loaded +33, rejected +0, blank +0, findings +0 ");
        assertThat(output).contains("annualReviewJob FY2020 COMPLETED").contains("0 error(s)");
        assertThat(output).doesNotContain("Exception");
    }

    @Test
    void shouldDoNothingAndExitZeroWhenTheInputsAreThoseOfTheLatestRun(CapturedOutput output) throws Exception {
        Path input = copyOfBundledInput();
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2022")).isZero();
        String first = latest(dir.resolve("out/FY2022"));

        // the nightly schedule: nothing new came in
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2022")).isZero();

        assertThat(CommandFixture.runFolders(dir.resolve("out/FY2022"))).hasSize(1);
        assertThat(latest(dir.resolve("out/FY2022"))).isEqualTo(first);
        assertThat(output).contains("Inputs unchanged since run " + first).contains("nothing to do");
    }

    @Test
    void shouldRunTheSameInputsAgainWhenForced() throws Exception {
        assertThat(run("--input=input", "--output=" + dir.resolve("out"), "--fiscal-year=2022")).isZero();
        assertThat(run("--input=input", "--output=" + dir.resolve("out"), "--fiscal-year=2022", "--force")).isZero();

        List<Path> folders = CommandFixture.runFolders(dir.resolve("out/FY2022"));
        assertThat(folders).hasSize(2);
        // the same input gives the same files
        for (String file : List.of("kpi-attainment.csv", "eprocedure-utilisation.csv", "review-chiiki2-FY2022.pdf")) {
            assertThat(Files.readAllBytes(folders.get(1).resolve(file)))
                .isEqualTo(Files.readAllBytes(folders.get(0).resolve(file)));
        }
    }

    @Test
    void shouldRunAgainWhenAnInputChangedOrTheRequestDiffers(CapturedOutput output) throws Exception {
        Path input = copyOfBundledInput();
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2022")).isZero();

        // one more figure from a department: a new run and a new latest
        Files.writeString(input.resolve("kpi-actuals.csv"),
                Files.readString(input.resolve("kpi-actuals.csv")).replace("\n", "\r\n"));
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2022")).isZero();
        assertThat(CommandFixture.runFolders(dir.resolve("out/FY2022"))).hasSize(2);
        // the same inputs for one plan only is another request
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2022", "--plan=chiiki2"))
            .isZero();
        assertThat(CommandFixture.runFolders(dir.resolve("out/FY2022"))).hasSize(3);
        assertThat(output).doesNotContain("Inputs unchanged");
    }

    @Test
    void shouldRunAgainWhenAReceiptLogCameInAndNotWhenNothingChanged(CapturedOutput output) throws Exception {
        Path input = copyOfBundledInput();
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2021")).isZero();

        // a SAMPLE receipt log arrives: it is an input like the others
        Path log = Files.createDirectories(input.resolve("receipts/FY2021")).resolve("sample-receipts.csv");
        Files.writeString(log, "received_on,procedure_id,channel\n2021-04-01,s01-new4,online\n");
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2021")).isZero();
        assertThat(CommandFixture.runFolders(dir.resolve("out/FY2021"))).hasSize(2);
        String second = latest(dir.resolve("out/FY2021"));
        assertThat(dir.resolve("out/FY2021").resolve(second).resolve("receipt-counts.csv")).exists();
        assertThat(output).doesNotContain("Inputs unchanged");

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2021")).isZero();
        assertThat(output).contains("Inputs unchanged since run " + second);

        // the log changes: a new run
        Files.writeString(log, "2021-04-02,s01-new4,counter\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), "--fiscal-year=2021")).isZero();
        assertThat(CommandFixture.runFolders(dir.resolve("out/FY2021"))).hasSize(3);
    }

    @Test
    void shouldExitOneAndRunNothingWhenTheOutputFolderCannotBeWritten(CapturedOutput output) throws Exception {
        // a file where the output folder should be: no folder can be made there (whoever runs the test, root too)
        Path blocked = Files.writeString(dir.resolve("blocked"), "not a folder");

        assertThat(run("--input=input", "--output=" + blocked.resolve("out"))).isEqualTo(ExitCodes.FAILURE);

        assertThat(output).contains("output folder '" + blocked.resolve("out").toAbsolutePath().normalize()
                + "' cannot be written").contains("nothing was run");
        assertThat(output).doesNotContain("annualReviewJob").doesNotContain("at org.springframework");
    }

    @Test
    void shouldFailWithoutPublishingWhenTheDiskFillsUp(CapturedOutput output) throws Exception {
        // a real full disk: a 200 KB tmpfs holds the CSV files but not the first PDF (needs root to mount)
        Path small = Files.createDirectories(dir.resolve("small"));
        Assumptions.assumeTrue(mount("mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", small.toString()),
                "a full disk is simulated with a small tmpfs, which needs root to mount");
        try {
            int exit = run("--input=input", "--output=" + small.resolve("out"), "--fiscal-year=2022");

            assertThat(exit).isEqualTo(ExitCodes.FAILURE);
            assertThat(output).contains("renderReportsStep").contains("FAILED").contains("No space left on device");
            // nothing published, no latest; only the failed run's log is left
            assertThat(small.resolve("out/FY2022/latest")).doesNotExist();
            assertThat(CommandFixture.runFolders(small.resolve("out/FY2022"))).isEmpty();
            try (Stream<Path> left = Files.list(small.resolve("out"))) {
                assertThat(left.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.equals("FY2022") || name.startsWith(".failed-"));
            }
        }
        finally {
            mount("umount", small.toString());
        }
    }

    private static boolean mount(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        }
        catch (java.io.IOException ex) {
            return false;
        }
    }

    private static String latest(Path yearDir) throws Exception {
        return Files.readString(yearDir.resolve("latest")).strip();
    }

    @Test
    void shouldExitTwoWithAUsageMessageForAnUnknownOption(CapturedOutput output) {
        assertThat(run("--inptu=input")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("unknown option --inptu").contains("usage:");
    }

    @Test
    void shouldExitTwoWithAUsageMessageForAnUnknownCommand(CapturedOutput output) {
        assertThat(run("histroy")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("unknown command 'histroy'").contains("usage:");
    }

    @Test
    void shouldExitTwoForAnOptionTheCommandDoesNotTake(CapturedOutput output) {
        assertThat(run("history", "--plan=chiiki2")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("unknown option --plan for history");
    }

    @Test
    void shouldExitTwoForAMissingInputFolder(CapturedOutput output) {
        assertThat(run("--input=" + dir.resolve("nowhere"))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("nowhere").contains("does not exist");
    }

    @Test
    void shouldExitTwoForAFiscalYearItCannotRead(CapturedOutput output) {
        assertThat(run("--fiscal-year=next")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("'next' is not a fiscal year");
    }

    @Test
    void shouldExitTwoForAnUnknownPlanAndNameTheKnownOnes(CapturedOutput output) {
        assertThat(run("--output=" + dir.resolve("out"), "--plan=chiiki3")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("unknown plan 'chiiki3'").contains("chiiki2").contains("dx2026");
        assertThat(dir.resolve("out/FY2022")).doesNotExist();
    }

    @Test
    void shouldExitTwoButStillPublishWhenRowsWereRejected(CapturedOutput output) throws Exception {
        Path input = copyOfBundledInput();
        Files.writeString(input.resolve("kpi-actuals.csv"), "chiiki2-k01,2022,,sixty,final,,test,\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("COMPLETED_WITH_ERRORS").contains("1 error(s)");
        assertThat(CommandFixture.runFolders(dir.resolve("out/FY2022"))).hasSize(1);

        // the next night, nothing fixed: still exit 2, so the scheduler keeps seeing the error
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("which left out rows for 1 input error(s)");
        assertThat(CommandFixture.runFolders(dir.resolve("out/FY2022"))).hasSize(1);
    }

    @Test
    void shouldExitTwoWithTheFileNamedWhenAFileIsUnusable(CapturedOutput output) throws Exception {
        Path input = copyOfBundledInput();
        Files.write(input.resolve("goals.csv"), new byte[] { 'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0x80, '\n' });

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("FAILED").contains("goals.csv").contains("neither UTF-8 nor Shift_JIS");
        assertThat(output).doesNotContain("at org.springframework");
        // nothing published; the run's log, with the stack trace, is kept beside the results
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            List<Path> entries = left.toList();
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).getFileName().toString()).startsWith(".failed-");
            Path log = entries.get(0).resolve("run.log");
            assertThat(output).contains("details, with the stack trace, in " + log.toAbsolutePath().normalize());
            assertThat(Files.readString(log)).contains("InputFileException").contains("\tat jp.nakano.planreview");
        }
    }


    private Path copyOfBundledInput() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        try (Stream<Path> files = Files.list(Path.of("input"))) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        return input;
    }

    private int run(String... args) {
        return CommandFixture.run(dir, args);
    }

}
