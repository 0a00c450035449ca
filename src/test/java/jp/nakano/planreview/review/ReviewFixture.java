package jp.nakano.planreview.review;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Copies of the bundled input to break on purpose, and readers for the CSV files a run writes. */
final class ReviewFixture {

    static final Path BUNDLED_INPUT = Path.of("input");

    private ReviewFixture() {
    }

    static Path copyOfBundledInput(Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("input"));
        try (Stream<Path> files = Files.list(BUNDLED_INPUT)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** Replaces text in one physical line (1 = header) of a file, failing if the text is not there. */
    static void replaceInLine(Path file, int line, String from, String to) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String old = lines.get(line - 1);
        if (!old.contains(from)) {
            throw new IllegalStateException(file + " line " + line + " has no '" + from + "': " + old);
        }
        lines.set(line - 1, old.replace(from, to));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static String line(Path file, int line) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(line - 1);
    }

    static int appendLine(Path file, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.add(text);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return lines.size();
    }

    static void reencode(Path dir, Charset charset, boolean bom) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                byte[] body = Files.readString(file, StandardCharsets.UTF_8).getBytes(charset);
                byte[] out = body;
                if (bom) {
                    out = new byte[body.length + 3];
                    out[0] = (byte) 0xEF;
                    out[1] = (byte) 0xBB;
                    out[2] = (byte) 0xBF;
                    System.arraycopy(body, 0, out, 3, body.length);
                }
                Files.write(file, out);
            }
        }
    }

    /** The published folder of a run. */
    static Path runFolder(org.springframework.batch.core.job.JobExecution run) {
        return Path.of(ReviewRuns.runFolder(run));
    }

    /** The records of an output CSV (UTF-8 with BOM) by column name. */
    static List<Map<String, String>> readOutput(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int first = reader.read();
            if (first != '\uFEFF') {
                throw new IllegalStateException(file + " does not start with a BOM");
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                return parser.stream().map(CSVRecord::toMap).toList();
            }
        }
    }

}
