package jp.nakano.planreview.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/** The text of each marked-content sequence of a page, by its id (MCID): what a structure element points at. */
final class MarkedText {

    private MarkedText() {
    }

    static Map<Integer, String> of(PDPage page, Map<PDPage, Map<Integer, String>> cache) throws IOException {
        Map<Integer, String> known = cache.get(page);
        if (known != null) {
            return known;
        }
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(page);
        Map<Integer, String> texts = new HashMap<>();
        for (PDMarkedContent content : extractor.getMarkedContents()) {
            collect(content, texts);
        }
        cache.put(page, texts);
        return texts;
    }

    private static void collect(PDMarkedContent content, Map<Integer, String> texts) {
        StringBuilder text = new StringBuilder();
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition position) {
                text.append(position.getUnicode());
            }
            else if (item instanceof PDMarkedContent nested) {
                collect(nested, texts);
            }
        }
        if (content.getMCID() >= 0) {
            texts.merge(content.getMCID(), text.toString(), String::concat);
        }
    }

}
