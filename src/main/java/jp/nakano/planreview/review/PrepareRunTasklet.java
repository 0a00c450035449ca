package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.Checksums;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.input.CsvInput;
import jp.nakano.planreview.input.InputFileException;

/**
 * Checks that the input folder holds every input file in a readable encoding before anything is loaded,
 * and records each file's size, encoding and SHA-256 so an auditor can tie the run to its exact inputs.
 */
class PrepareRunTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PrepareRunTasklet.class);

    private final JdbcTemplate jdbc;

    private final ReviewRun run;

    private final List<String> fileNames;

    private final FindingRecorder findings;

    PrepareRunTasklet(JdbcTemplate jdbc, ReviewRun run, List<String> fileNames, FindingRecorder findings) {
        this.jdbc = jdbc;
        this.run = run;
        this.fileNames = fileNames;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path input = run.inputDir();
        if (!Files.isDirectory(input)) {
            throw new InputFileException(input.toString(), "the input folder does not exist or is not a folder");
        }
        if (!Files.isReadable(input)) {
            throw new InputFileException(input.toString(), "the input folder cannot be read");
        }
        List<String> missing = fileNames.stream().filter(f -> !Files.isRegularFile(input.resolve(f))).toList();
        if (!missing.isEmpty()) {
            throw new InputFileException(input.toString(), "missing input file(s) " + missing
                    + "; every file is required, even with only its header row (see docs/input-format.md)");
        }
        log.info("Input {} for run {}", input.toAbsolutePath().normalize(), run.runName());
        for (String name : fileNames) {
            Path file = input.resolve(name);
            outsideTheFolder(input, file);
            CsvInput.Encoding encoding = CsvInput.detect(file);
            jdbc.update("INSERT INTO run_input_file (run_id, file_name, encoding, size_bytes, sha256) VALUES (?, ?, ?, ?, ?)",
                    run.runId(), name, encoding.label(), Files.size(file), Checksums.sha256(file));
            contribution.incrementReadCount();
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * An input that is a link to a file outside the input folder is read (a shared drive may be linked in),
     * but never without a word: a warning names the link and the file it leads to.
     */
    private void outsideTheFolder(Path input, Path file) throws IOException {
        if (!Files.isSymbolicLink(file)) {
            return;
        }
        Path folder = input.toRealPath();
        Path target = file.toRealPath();
        if (!target.startsWith(folder)) {
            findings.add(Finding.of(Severity.WARNING, "input.outside-folder", file.getFileName().toString(), null, null,
                    target.toString(), "入力フォルダ " + folder + " の " + file.getFileName() + " は、フォルダの外のファイル "
                            + target + " へのリンク。そのファイルを読む。意図したものか確認する"));
        }
    }

}
