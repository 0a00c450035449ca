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
        return read(file, Integer.MAX_VALUE).rows();
    }

    /** The first rows of a file and how many rows it has in all. */
    record First(List<Map<String, String>> rows, long all) {
    }

    /** The first {@code limit} rows, and the count of all: a page shows the start of a file of any size. */
    static First read(Path file, int limit) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        long all = 0;
        try (CSVParser parser = CsvInput.open(file, CsvInput.detect(file))) {
            for (CSVRecord record : parser) {
                if (all++ < limit) {
                    rows.add(record.toMap());
                }
            }
        }
        return new First(rows, all);
    }

}
