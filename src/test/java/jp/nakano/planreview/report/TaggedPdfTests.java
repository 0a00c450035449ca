package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.review.ReviewRun;
import jp.nakano.planreview.review.ReviewRuns;

/**
 * Reads the structure tree of a real report back, as a screen reader gets it: the language, the title shown
 * instead of the file name, the headings, the tables with their header cells and the charts' alternative text.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaggedPdfTests {

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    private Path pdf;

    @BeforeAll
    void renderFY2022(@TempDir Path dir) throws Exception {
        JobExecution run = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(Path.of("input"), dir.resolve("out"), FiscalYear.of(2022), null));
        pdf = Path.of(ReviewRuns.runFolder(run)).resolve("review-chiiki2-FY2022.pdf");
    }

    /** A structure element and the text its marked content carries. */
    private record Tagged(String type, String text, String alt, String lang) {
    }

    @Test
    void shouldDeclareJapaneseATitleShownInsteadOfTheFileNameAndPdfaOneA() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ja");
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle())
                .isEqualTo("第2次中野区地域情報化推進計画 令和4年度 (FY2022) 成果指標の進行管理");
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:conformance(>|=\")A");
        }
    }

    @Test
    void shouldTagTheHeadingsOfTheCoverAndEverySection() throws Exception {
        List<Tagged> elements = structure(pdf);

        List<String> h1 = texts(elements, "H1");
        List<String> h2 = texts(elements, "H2");
        assertThat(h1).containsExactly("第2次中野区地域情報化推進計画");
        assertThat(h2).contains("令和4年度 (FY2022)　成果指標の進行管理", "成果指標の状況（令和4年度 (FY2022)）",
                "主な電子手続の利用状況（令和4年度 (FY2022)）", "入力データの検証結果", "入力ファイルと実行記録");
        // the goals of the KPI table are sub-headings
        assertThat(texts(elements, "H3")).anyMatch(t -> t.startsWith("目標1"));
    }

    @Test
    void shouldTagTablesWithHeaderCellsAndDataCells() throws Exception {
        List<Tagged> elements = structure(pdf);

        List<String> headers = texts(elements, "TH");
        assertThat(headers).contains("成果指標", "単位", "実績", "進捗率", "状況", "電子手続名", "電子受付件数", "全受付件数",
                "電子手続利用率", "重要度", "SHA-256");
        assertThat(elements.stream().filter(e -> e.type().equals("Table")).count()).isGreaterThanOrEqualTo(6);
        assertThat(texts(elements, "TD")).contains("区全体の電子手続", "1,793,615", "2,441,639", "73.46%");
    }

    @Test
    void shouldDescribeEveryChartInWordsAndNumbers() throws Exception {
        List<Tagged> figures = structure(pdf).stream().filter(e -> e.type().equals("Figure") || e.type().equals("Image"))
            .toList();

        assertThat(figures).isNotEmpty().allSatisfy(f -> assertThat(f.alt()).isNotBlank());
        // FY2022 has the ward total only: its e-procedure chart would compare nothing and is not drawn (issue 11)
        assertThat(figures).anySatisfy(f -> assertThat(f.alt()).contains("区分ごとの成果指標の状況").contains("▲遅れ 1"));
        assertThat(figures).anySatisfy(f -> assertThat(f.alt()).contains("区内のマイナンバーカード交付率").contains("62.3"));
    }

    @Test
    void shouldReadTheTextInTheOrderOfTheStructure() throws Exception {
        // what a screen reader and pdftotext -raw read: the heading before the table, the header before the rows
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            text = stripper.getText(document).replaceAll("\\s+", "");
        }
        int heading = text.indexOf("主な電子手続の利用状況（令和4年度(FY2022)）");
        int header = text.indexOf("電子手続名", heading);
        int total = text.indexOf("区全体の電子手続", header);
        assertThat(heading).isPositive();
        assertThat(header).isGreaterThan(heading);
        assertThat(total).isGreaterThan(header);
    }

    private static List<String> texts(List<Tagged> elements, String type) {
        return elements.stream().filter(e -> e.type().equals(type)).map(Tagged::text).toList();
    }

    /** Every structure element in document order, with the text under it. */
    static List<Tagged> structure(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
            assertThat(root).as("structure tree").isNotNull();
            java.util.Map<org.apache.pdfbox.pdmodel.PDPage, java.util.Map<Integer, String>> contents = new java.util.HashMap<>();
            List<Tagged> out = new ArrayList<>();
            walk(root, document, contents, out);
            return out;
        }
    }

    private static void walk(PDStructureNode node, PDDocument document,
            java.util.Map<org.apache.pdfbox.pdmodel.PDPage, java.util.Map<Integer, String>> contents, List<Tagged> out)
            throws java.io.IOException {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                String type = element.getStandardStructureType();
                out.add(new Tagged(type, text(element, document, contents), element.getAlternateDescription(),
                        element.getLanguage()));
                walk(element, document, contents, out);
            }
        }
    }

    /** The text of the marked content under an element, read from its pages by marked-content id. */
    private static String text(PDStructureElement element, PDDocument document,
            java.util.Map<org.apache.pdfbox.pdmodel.PDPage, java.util.Map<Integer, String>> contents)
            throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        for (Object kid : element.getKids()) {
            if (kid instanceof Integer mcid) {
                org.apache.pdfbox.pdmodel.PDPage page = element.getPage() != null ? element.getPage() : pageOf(element);
                if (page != null) {
                    text.append(MarkedText.of(page, contents).getOrDefault(mcid, ""));
                }
            }
            else if (kid instanceof PDStructureElement child) {
                text.append(text(child, document, contents));
            }
        }
        return text.toString().strip();
    }

    private static org.apache.pdfbox.pdmodel.PDPage pageOf(PDStructureElement element) {
        PDStructureNode parent = element.getParent();
        while (parent instanceof PDStructureElement p) {
            if (p.getPage() != null) {
                return p.getPage();
            }
            parent = p.getParent();
        }
        return null;
    }

}
