package jp.nakano.planreview.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;

import jp.nakano.planreview.audit.ManifestException;
import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.audit.RunVerifier;
import jp.nakano.planreview.audit.RunVerifier.Discrepancy;
import jp.nakano.planreview.audit.RunVerifier.Verification;

/**
 * {@code verify <run-folder> [--input=<dir>]}: checks a published run folder against its {@code manifest.json},
 * one line per file that differs and a summary line. Needs neither the database nor the job, so
 * {@code PlanReviewApplication} runs it without starting Spring.
 */
public final class VerifyCommand {

    static final String NAME = "verify";

    private VerifyCommand() {
    }

    /** Whether the command line asks for {@code verify}: its first argument that is not an option. */
    public static boolean isRequested(ApplicationArguments args) {
        return Subcommand.of(args).filter(Subcommand.VERIFY::equals).isPresent();
    }

    /** Runs the check and returns the exit code: 0 all match, 4 not, 2 no usable manifest or bad usage. */
    public static int execute(ApplicationArguments args, PrintStream out, PrintStream err) {
        if (args.containsOption("help")) {
            out.println(ReviewCommand.USAGE);
            return ExitCodes.OK;
        }
        List<String> problems = new ArrayList<>(Subcommand.VERIFY.unknownOptions(args));
        List<String> operands = Subcommand.VERIFY.operands(args);
        if (operands.size() != 1) {
            problems.add(operands.isEmpty() ? "verify needs the run folder to check, e.g. verify out/FY2022/20261122-183130-7"
                    : "verify checks one run folder; unexpected argument(s) " + operands.subList(1, operands.size()));
        }
        List<String> inputs = args.getOptionValues("input");
        Path input = inputs == null || inputs.isEmpty() ? null : Path.of(inputs.get(inputs.size() - 1));
        if (input != null && !Files.isDirectory(input)) {
            problems.add("--input: folder '" + input + "' does not exist (" + input.toAbsolutePath() + ")");
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(ReviewCommand.USAGE);
            return ExitCodes.INVALID_INPUT;
        }
        Path folder = Path.of(operands.get(0));
        if (!Files.isDirectory(folder)) {
            err.println("verify: run folder '" + folder + "' does not exist (" + folder.toAbsolutePath() + ")");
            return ExitCodes.INVALID_INPUT;
        }
        Verification result;
        try {
            result = new RunVerifier().verify(folder, input);
        }
        catch (ManifestException ex) {
            err.println("verify: " + ex.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        catch (IOException ex) {
            err.println("verify: cannot read " + folder + ": " + ex);
            return ExitCodes.FAILURE;
        }
        for (Discrepancy problem : result.problems()) {
            out.println(String.format("%-8s %s: %s", problem.kind(), problem.file(), problem.detail()));
        }
        out.println(summary(result));
        return result.matches() ? ExitCodes.OK : ExitCodes.VERIFY_MISMATCH;
    }

    private static String summary(Verification result) {
        String run = "run " + result.manifest().runId() + " (FY" + result.manifest().fiscalYear() + ")";
        if (result.matches()) {
            return String.format("OK: %s, all %d file(s) match %s", run, result.checked(), result.folder()
                .resolve(RunManifest.FILE_NAME));
        }
        return String.format("MISMATCH: %s, %d file(s) checked: %d changed, %d missing, %d added", run,
                result.checked(), result.count(Discrepancy.Kind.CHANGED), result.count(Discrepancy.Kind.MISSING),
                result.count(Discrepancy.Kind.ADDED));
    }

}
