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
                "'kpi-explanations.csv' THEN 4", "'kpi-targets.csv' THEN 5", "'kpis.csv' THEN 6",
                "'measure-activities.csv' THEN 7", "'measure-items.csv' THEN 8", "'measure-reports.csv' THEN 9",
                "'measures.csv' THEN 10", "'plan-phases.csv' THEN 11", "'plans.csv' THEN 12");
    }

}
