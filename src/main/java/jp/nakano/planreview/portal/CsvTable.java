package jp.nakano.planreview.portal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import jp.nakano.planreview.input.CsvInput;

/** The rows of an output CSV file of a run, each by column name, read with the project's one CSV reader. */
final class CsvTable {

    private CsvTable() {
    }

    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(file, CsvInput.detect(file))) {
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
        }
        return rows;
    }

}
