package jp.nakano.planreview.publication;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the static HTML edition of the published documents (JIS X 8341-3:2016 level AA): one page per file,
 * self-contained (its style inline, no script, no external resource), in Japanese ({@code lang="ja"}), with
 * headings, tables with a caption and header cells, and charts as SVG with a text equivalent. The templates
 * are {@code publication/*.html} on the classpath (Thymeleaf, rendered once, outside the portal).
 */
public class HtmlEdition {

    /** A page: its title, its main heading, facts shown as a list of terms, and its sections. */
    public record Page(String title, String heading, String subheading, List<Fact> facts, List<Section> sections,
            List<String> footer) {
    }

    /** A term and its value, such as 対象年度 and 令和4年度（2022年度）. */
    public record Fact(String term, String value) {
    }

    /** A section of a page (h2) with its notes and blocks. */
    public record Section(String id, String title, List<String> notes, List<Block> blocks) {
    }

    /** A link to another file of the same run folder: relative, so it works on disk and in the portal alike. */
    public record Link(String href, String text) {
    }

    /** A part of a section: an optional sub-heading (h3), paragraphs, a list, links, a table and a chart. */
    public record Block(String heading, List<String> paragraphs, List<String> items, List<Link> links, Table table,
            Chart chart) {

        public static Block table(String heading, Table table) {
            return new Block(heading, List.of(), List.of(), List.of(), table, null);
        }

        public static Block text(String heading, List<String> paragraphs) {
            return new Block(heading, paragraphs, List.of(), List.of(), null, null);
        }

        public static Block list(String heading, List<String> items) {
            return new Block(heading, List.of(), items, List.of(), null, null);
        }

        public static Block links(String heading, List<Link> links) {
            return new Block(heading, List.of(), List.of(), links, null, null);
        }

        public static Block chart(String heading, Chart chart) {
            return new Block(heading, List.of(), List.of(), List.of(), null, chart);
        }
    }

    /**
     * A table: its caption, the column headers, and the rows; the first {@code rowHeaders} cells of a row are
     * its header cells ({@code th scope="row"}); {@code numeric} columns align right.
     */
    public record Table(String caption, List<String> headers, List<List<String>> rows, int rowHeaders,
            List<Boolean> numeric) {

        public boolean isNumeric(int column) {
            return column < numeric.size() && Boolean.TRUE.equals(numeric.get(column));
        }
    }

    private final SpringTemplateEngine engine;

    public HtmlEdition() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlEdition.class.getClassLoader());
        resolver.setPrefix("publication/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new SpringTemplateEngine(); // expressions in SpEL: Thymeleaf's own OGNL is not on the class path
        engine.setTemplateResolver(resolver);
    }

    /** Writes {@code page} to {@code file}, UTF-8, {@code \n} line ends: the same page gives the same bytes. */
    public void write(Page page, Path file) throws IOException {
        Context context = new Context(Locale.JAPANESE, Map.of("page", page));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            engine.process("page", context, out);
        }
    }

}
