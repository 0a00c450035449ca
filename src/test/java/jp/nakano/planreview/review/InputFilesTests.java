package jp.nakano.planreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.input.InputFiles;
import jp.nakano.planreview.input.RowParser;

/** The list of input file names that orders outputs by file is the list of files the job reads. */
class InputFilesTests {

    @Test
    void shouldNameEveryFileTheJobReads() {
        assertThat(InputFiles.NAMES).containsExactlyInAnyOrderElementsOf(
                AnnualReviewJobConfiguration.INPUTS.stream().map(RowParser::fileName).toList());
    }

    @Test
    void shouldOrderTheFilesByNameAsJavaComparesThem() {
        assertThat(InputFiles.byName("file_name")).containsSubsequence("'kpi-actuals.csv' THEN 3",
                "'kpi-targets.csv' THEN 4", "'kpis.csv' THEN 5", "'plan-phases.csv' THEN 7", "'plans.csv' THEN 8");
    }

}
