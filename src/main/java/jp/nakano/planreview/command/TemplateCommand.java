package jp.nakano.planreview.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;

import jp.nakano.planreview.collection.CollectionTemplate;
import jp.nakano.planreview.collection.TemplateSource;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.InputFileException;

/**
 * {@code template --fiscal-year=<yyyy> [--department=<name>] [--output=<dir>] [--input=<dir>] [--due=<date>]}:
 * writes the collection workbooks (調査票) of a year, one per department. Reads the input CSV files only, so
 * {@code PlanReviewApplication} runs it without Spring, the database or the run lock.
 */
public final class TemplateCommand {

    static final String NAME = "template";

    private TemplateCommand() {
    }

    /** Whether the command line asks for {@code template}. */
    public static boolean isRequested(ApplicationArguments args) {
        return Subcommand.of(args).filter(Subcommand.TEMPLATE::equals).isPresent();
    }

    /** Writes the workbooks and returns the exit code: 0 written, 2 bad usage or unusable input, 1 cannot write. */
    public static int execute(ApplicationArguments args, PrintStream out, PrintStream err) {
        if (args.containsOption("help")) {
            out.println(ReviewCommand.USAGE);
            return ExitCodes.OK;
        }
        List<String> problems = new ArrayList<>(Subcommand.TEMPLATE.unknownOptions(args));
        List<String> operands = Subcommand.TEMPLATE.operands(args);
        if (!operands.isEmpty()) {
            problems.add("template: unexpected argument(s) " + operands);
        }
        Path input = Path.of(single(args, "input", "input"));
        Path output = Path.of(single(args, "output", "templates"));
        String department = single(args, "department", null);
        FiscalYear year = null;
        String yearText = single(args, "fiscal-year", null);
        if (yearText == null) {
            problems.add("template needs --fiscal-year=<yyyy>: the year whose figures the departments report");
        }
        else {
            try {
                year = FiscalYear.parse(yearText);
            }
            catch (IllegalArgumentException ex) {
                problems.add("--fiscal-year: " + ex.getMessage());
            }
        }
        LocalDate due = null;
        String dueText = single(args, "due", null);
        if (dueText != null) {
            try {
                due = LocalDate.parse(dueText);
            }
            catch (DateTimeParseException ex) {
                problems.add("--due: '" + dueText + "' is not a date like 2024-05-31");
            }
        }
        if (!Files.isDirectory(input)) {
            problems.add("--input: folder '" + input + "' does not exist (" + input.toAbsolutePath() + ")");
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(ReviewCommand.USAGE);
            return ExitCodes.INVALID_INPUT;
        }
        TemplateSource source;
        try {
            source = TemplateSource.read(input, problem -> err.println("template: " + problem));
        }
        catch (InputFileException ex) {
            err.println("template: " + ex.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        CollectionTemplate template = new CollectionTemplate(source, year,
                due == null ? CollectionTemplate.defaultDue(year) : due);
        if (department != null && !template.departments().contains(department)) {
            err.println("template: no KPI or e-procedure row of " + year + " belongs to '" + department
                    + "'; the departments are " + template.departments());
            return ExitCodes.INVALID_INPUT;
        }
        List<CollectionTemplate.Written> written;
        try {
            written = template.write(output, department);
        }
        catch (IOException ex) {
            err.println("template: cannot write the workbooks into " + output.toAbsolutePath() + ": " + ex);
            return ExitCodes.FAILURE;
        }
        for (CollectionTemplate.Written w : written) {
            out.println(String.format("%s  %d KPI(s), %d 取組事項, %d e-procedure row(s)  %s", w.department(), w.kpis(),
                    w.items(), w.eprocedureRows(), w.file()));
        }
        out.println(written.size() + " workbook(s) for " + year.label() + " in " + output.toAbsolutePath().normalize()
                + "; send each to its department, put the returned files into the input folder and run the review");
        return ExitCodes.OK;
    }

    private static String single(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.get(values.size() - 1).isBlank() ? fallback
                : values.get(values.size() - 1);
    }

}
