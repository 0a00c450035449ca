package jp.nakano.planreview.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.type.BandTypeEnum;

/**
 * Marks the structure of the filled report for the tagged PDF a screen reader reads: headings, tables with
 * header cells, and the alternative text of charts. It works on the filled pages, from the templates' own
 * conventions, so every section (and any new one) is tagged the same way without a property on each cell:
 *
 * <ul>
 * <li>a table is a row of header cells (style {@code head}) in the page or column header, followed by the
 * detail rows (the elements of one detail band, at the same height) of the same page; a group header between
 * them becomes a row of one cell spanning the table (the goal heading of the KPI table);</li>
 * <li>the title band's largest bold text is the section's heading (H1 on the cover, H2 for every section),
 * bold text in a group header, a summary or a detail band outside a table is a sub-heading (H3); a template
 * that tags its own headings ({@code net.sf.jasperreports.export.pdf.tag.h1} … in the JRXML) keeps them;</li>
 * <li>each chart gets the text the section gives for it, in order, as its alternative text ({@code /Alt},
 * which the PDF exporter takes from the image's tooltip); without one, the caption beside it ("図: …").</li>
 * </ul>
 *
 * JasperReports' PDF exporter turns these element properties into the structure tree (7.0.3; later community
 * editions no longer tag, see pom.xml).
 */
final class PdfStructure {

    static final String TAG = "net.sf.jasperreports.export.pdf.tag.";

    private static final String HEADER_STYLE = "head";

    private PdfStructure() {
    }

    /**
     * Tags every page of the section prints: {@code prints.get(i)} is section i, {@code alternativeTexts.get(i)}
     * the texts of its charts in the order they appear (may be empty). Returns the alternative texts by the
     * placeholder the PDF holds for each until {@link #withAlternativeTexts} puts the text in.
     */
    static Map<String, String> tag(List<JasperPrint> prints, List<List<String>> alternativeTexts) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (int i = 0; i < prints.size(); i++) {
            Iterator<String> texts = alternativeTexts.get(i).iterator();
            boolean titleDone = false;
            for (JRPrintPage page : prints.get(i).getPages()) {
                List<JRPrintElement> elements = page.getElements();
                if (!titleDone) {
                    titleDone = headingInTitle(elements, i == 0 ? 1 : 2);
                }
                List<JRPrintElement> inTables = tables(elements);
                for (JRPrintElement element : elements) {
                    if (element instanceof JRPrintImage image) {
                        String text = texts.hasNext() ? texts.next() : caption(elements, image);
                        if (text != null && !text.isEmpty()) {
                            image.setHyperlinkTooltip(placeholder(text, placeholders));
                        }
                    }
                    else if (!inTables.contains(element) && isBold(element) && !hasHeading(element)
                            && (band(element) == BandTypeEnum.GROUP_HEADER || band(element) == BandTypeEnum.SUMMARY
                                    || band(element) == BandTypeEnum.DETAIL)) {
                        element.getPropertiesMap().setProperty(TAG + "h3", "full");
                    }
                }
            }
        }
        return placeholders;
    }

    /**
     * The exporter writes an alternative text in PDFDocEncoding, which has no Japanese: it gets an ASCII
     * placeholder of the length the text takes as a UTF-16 hex string ({@code <FEFF…>}, 4 + 4 per char), which
     * replaces it here in the written file; the same length keeps every offset of the file right.
     */
    private static String placeholder(String text, Map<String, String> placeholders) {
        String id = String.format(java.util.Locale.ROOT, "ALT%05d", placeholders.size() + 1);
        String token = id + "x".repeat(4 + 4 * text.length() - id.length());
        placeholders.put(token, text);
        return token;
    }

    /** The written PDF with each placeholder replaced by its alternative text (UTF-16BE, as PDF text strings allow). */
    static byte[] withAlternativeTexts(byte[] pdf, Map<String, String> placeholders) {
        if (placeholders.isEmpty()) {
            return pdf;
        }
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text);
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            String literal = "(" + entry.getKey() + ")";
            int at = text.indexOf(literal);
            if (at < 0) {
                throw new IllegalStateException("the PDF lacks the alternative text of a chart: " + entry.getValue());
            }
            String hex = "<FEFF" + HexFormat.of().withUpperCase().formatHex(entry.getValue().getBytes(StandardCharsets.UTF_16BE)) + ">";
            out.replace(at, at + literal.length(), hex);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The section heading: the largest bold text of the title band, unless the template tagged one. */
    private static boolean headingInTitle(List<JRPrintElement> elements, int level) {
        JRPrintText largest = null;
        boolean any = false;
        for (JRPrintElement element : elements) {
            if (band(element) != BandTypeEnum.TITLE) {
                continue;
            }
            any = true;
            if (hasHeading(element)) {
                return true;
            }
            if (element instanceof JRPrintText text && isBold(text)
                    && (largest == null || text.getFontSize() > largest.getFontSize())) {
                largest = text;
            }
        }
        if (largest != null) {
            largest.getPropertiesMap().setProperty(TAG + "h" + level, "full");
        }
        return any;
    }

    /** Tags the tables of one page; returns the elements they hold. */
    private static List<JRPrintElement> tables(List<JRPrintElement> elements) {
        List<JRPrintElement> tagged = new ArrayList<>();
        int i = 0;
        while (i < elements.size()) {
            if (!isHeaderCell(elements.get(i))) {
                i++;
                continue;
            }
            List<List<JRPrintElement>> rows = new ArrayList<>();
            List<JRPrintElement> header = new ArrayList<>();
            while (i < elements.size() && isHeaderCell(elements.get(i))) {
                header.add(elements.get(i++));
            }
            rows.add(header);
            while (i < elements.size()) {
                JRPrintElement first = elements.get(i);
                BandTypeEnum band = band(first);
                if (band != BandTypeEnum.DETAIL && band != BandTypeEnum.GROUP_HEADER) {
                    break;
                }
                List<JRPrintElement> row = new ArrayList<>();
                while (i < elements.size() && band(elements.get(i)) == band && elements.get(i).getY() == first.getY()) {
                    row.add(elements.get(i++));
                }
                if (band == BandTypeEnum.GROUP_HEADER) {
                    // one cell across the table, its text a sub-heading
                    row.get(0).getPropertiesMap().setProperty(TAG + "colspan", Integer.toString(header.size()));
                    row.stream().filter(PdfStructure::isBold).filter(e -> !hasHeading(e))
                        .forEach(e -> e.getPropertiesMap().setProperty(TAG + "h3", "full"));
                    mark(row, "td");
                }
                else {
                    row.forEach(cell -> cell.getPropertiesMap().setProperty(TAG + "td", "full"));
                }
                rows.add(row);
            }
            header.forEach(cell -> cell.getPropertiesMap().setProperty(TAG + "th", "full"));
            for (List<JRPrintElement> row : rows) {
                mark(row, "tr");
                tagged.addAll(row);
            }
            List<JRPrintElement> all = rows.stream().flatMap(List::stream).toList();
            mark(all, "table");
        }
        return tagged;
    }

    /** Marks a run of elements as one structure element: start on the first, end on the last. */
    private static void mark(List<JRPrintElement> run, String tag) {
        if (run.size() == 1) {
            run.get(0).getPropertiesMap().setProperty(TAG + tag, "full");
            return;
        }
        run.get(0).getPropertiesMap().setProperty(TAG + tag, "start");
        run.get(run.size() - 1).getPropertiesMap().setProperty(TAG + tag, "end");
    }

    /** The caption printed beside a chart in the same band: a text starting with 図. */
    private static String caption(List<JRPrintElement> elements, JRPrintImage image) {
        return elements.stream().filter(e -> e instanceof JRPrintText && band(e) == band(image))
            .map(e -> ((JRPrintText) e).getFullText()).filter(t -> t != null && t.startsWith("図"))
            .findFirst().orElse(null);
    }

    private static boolean isHeaderCell(JRPrintElement element) {
        BandTypeEnum band = band(element);
        return (band == BandTypeEnum.PAGE_HEADER || band == BandTypeEnum.COLUMN_HEADER) && element.getStyle() != null
                && HEADER_STYLE.equals(element.getStyle().getName());
    }

    private static boolean isBold(JRPrintElement element) {
        return element instanceof JRPrintText text && text.isBold() && text.getFullText() != null
                && !text.getFullText().isBlank();
    }

    private static boolean hasHeading(JRPrintElement element) {
        if (!element.hasProperties()) {
            return false;
        }
        for (int level = 1; level <= 6; level++) {
            if (element.getPropertiesMap().containsProperty(TAG + "h" + level)) {
                return true;
            }
        }
        return false;
    }

    private static BandTypeEnum band(JRPrintElement element) {
        return element.getOrigin() == null ? null : element.getOrigin().getBandType();
    }

}
