package jp.nakano.planreview.audit;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code manifest.json} records about one published run: the job, its parameters and times, the software
 * that ran it, every input and output file with its SHA-256, and the findings by severity. The components are
 * the JSON keys, in this order.
 *
 * @param manifestVersion the version of this format, {@value #VERSION}; a reader refuses a newer one
 * @param job the Spring Batch job name
 * @param runId the run folder's name, {@code 20261122-183130-7}
 * @param jobExecutionId the Spring Batch job execution id, the {@code run_id} of every table
 * @param fiscalYear the review year
 * @param parameters the job parameters as text, by name
 * @param started when the job execution started
 * @param finished when the manifest was written, the last moment before the folder was published
 * @param exitStatus the status the run ends with: {@code COMPLETED} or {@code COMPLETED_WITH_ERRORS}
 * @param softwareVersion the plan-review version (the Maven project version)
 * @param findings the findings by severity
 * @param steps the job's steps before publishing, in the order they ran, with their counts from the batch metadata
 * @param inputFiles the inputs, by path relative to the input folder
 * @param outputFiles every file of the run folder but the manifest, by path relative to the folder
 * @param workbooks the returned collection workbooks (調査票) among the inputs, with who filled and confirmed them
 */
public record RunManifest(int manifestVersion, String job, String runId, long jobExecutionId, int fiscalYear,
        Map<String, String> plans, Map<String, String> parameters, OffsetDateTime started, OffsetDateTime finished, String exitStatus,
        String softwareVersion, FindingCounts findings, List<Step> steps, List<InputFile> inputFiles,
        List<OutputFile> outputFiles, List<Workbook> workbooks) {

    /** The file name of the manifest in every run folder. */
    public static final String FILE_NAME = "manifest.json";

    /** The format version this build writes. */
    public static final int VERSION = 1;

    public RunManifest {
        // in the order of plans.csv, which is the order of the reports
        plans = plans == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(plans));
        parameters = parameters == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        // a manifest written before steps were recorded reads as having none
        steps = steps == null ? List.of() : List.copyOf(steps);
        // sorted here, not by the caller's query: the same run gives the same manifest on any database
        inputFiles = inputFiles == null ? List.of()
                : inputFiles.stream().sorted(Comparator.comparing(InputFile::path)).toList();
        outputFiles = outputFiles == null ? List.of()
                : outputFiles.stream().sorted(Comparator.comparing(OutputFile::path)).toList();
        // a manifest written before workbooks were collected reads as having none
        workbooks = workbooks == null ? List.of()
                : workbooks.stream().sorted(Comparator.comparing(Workbook::path)).toList();
    }

    /** The same manifest listing these output files. */
    public RunManifest withOutputFiles(List<OutputFile> files) {
        return new RunManifest(manifestVersion, job, runId, jobExecutionId, fiscalYear, plans, parameters, started,
                finished,
                exitStatus, softwareVersion, findings, steps, inputFiles, files, workbooks);
    }

    /** Findings of the run by severity. */
    public record FindingCounts(long error, long warning, long info) {
    }

    /**
     * A step of the job as the batch metadata records it when the run publishes.
     *
     * @param name the step name, {@code loadPlansStep}
     * @param status the step's batch status, {@code COMPLETED}
     * @param read items read
     * @param written items written
     * @param skipped items skipped on read, process and write (rejected rows)
     * @param commits transactions committed
     * @param started when the step started
     * @param finished when the step ended
     */
    public record Step(String name, String status, long read, long written, long skipped, long commits,
            OffsetDateTime started, OffsetDateTime finished) {
    }

    /**
     * An input file as the run read it.
     *
     * @param path relative to the input folder
     * @param encoding the encoding detected ({@code UTF-8}, {@code UTF-8 (BOM)}, {@code CP932})
     * @param size bytes
     * @param rowsRead data rows read (the header and blank rows not counted): loaded + rejected + left out
     * @param rowsLoaded rows stored and used
     * @param rowsRejected rows that break the format, kept as findings
     * @param rowsLeftOut rows left out by the checks across rows (unknown id, duplicate key), kept as findings
     * @param rowsBlank blank rows (every cell empty), skipped
     * @param sha256 lower-case hex of the bytes the run read
     */
    public record InputFile(String path, String encoding, long size, Long rowsRead, Long rowsLoaded,
            Long rowsRejected, Long rowsLeftOut, Long rowsBlank, String sha256) {
    }

    /**
     * A returned collection workbook the run read (it is also among the input files).
     *
     * @param path relative to the input folder
     * @param department the department it was sent to
     * @param fiscalYear the year it was sent for
     * @param filledBy 記入者 as written in it
     * @param checkedBy 確認者 (課長) as written in it, {@code null} when left empty
     * @param submitted 提出日 as written in it ({@code 2024-05-31})
     * @param rowsReported the rows filled in
     * @param loaded false when the workbook was left out (another year or department, not a template)
     */
    public record Workbook(String path, String department, Integer fiscalYear, String filledBy, String checkedBy,
            String submitted, long rowsReported, boolean loaded) {
    }

    /**
     * An output file of the run folder.
     *
     * @param path relative to the run folder, {@code /} between folders
     * @param size bytes
     * @param sha256 lower-case hex
     */
    public record OutputFile(String path, long size, String sha256) {
    }

}
