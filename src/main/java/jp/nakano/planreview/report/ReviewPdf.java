package jp.nakano.planreview.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Renders the review of one plan to one PDF from its sections, each a template of {@code reports/} with its
 * parameters and formatted rows; page numbers run across the sections. Each template is compiled once, at
 * first use; the data arrives formatted, so the templates only lay it out.
 */
public class ReviewPdf {

    /**
     * One section of the report: a template of {@code reports/}, its heading in the contents (目次; none for the
     * cover), its parameters, its rows and the alternative text of each of its charts in order (what a
     * screen reader says instead of the picture: the figures in words).
     */
    public record Section(String template, String title, Map<String, Object> parameters, List<Map<String, ?>> rows,
            List<String> chartTexts) {

        /** A section whose charts, if any, are described by the caption beside them. */
        public Section(String template, String title, Map<String, Object> parameters, List<Map<String, ?>> rows) {
            this(template, title, parameters, rows, List.of());
        }
    }

    private final Map<String, JasperReport> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private Path srgb;

    /** The sRGB profile of the Java runtime, written once to a file: PDF/A needs an output intent. */
    private synchronized Path srgbProfile() throws IOException {
        if (srgb == null) {
            srgb = Files.createTempFile("plan-review-srgb", ".icc");
            srgb.toFile().deleteOnExit();
            Files.write(srgb, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        }
        return srgb;
    }

    private List<JasperPrint> fill(List<Section> sections, List<JasperPrint> counted) throws JRException {
        int total = counted == null ? 0 : counted.stream().mapToInt(p -> p.getPages().size()).sum();
        // the contents: each titled section and the page it starts on, known from the first fill
        List<String> titles = new java.util.ArrayList<>();
        List<String> pages = new java.util.ArrayList<>();
        int start = 1;
        for (int i = 0; counted != null && i < sections.size(); i++) {
            if (sections.get(i).title() != null) {
                titles.add((titles.size() + 1) + ".　" + sections.get(i).title());
                pages.add(Integer.toString(start));
            }
            start += counted.get(i).getPages().size();
        }
        int offset = 0;
        List<JasperPrint> prints = new java.util.ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            Map<String, Object> parameters = new HashMap<>(section.parameters());
            parameters.put("PAGE_OFFSET", offset);
            parameters.put("TOTAL_PAGES", total);
            parameters.put("CONTENTS_TITLES", String.join("\n", titles));
            parameters.put("CONTENTS_PAGES", String.join("\n", pages));
            prints.add(JasperFillManager.fillReport(template(section.template()), parameters,
                    new JRMapCollectionDataSource(section.rows())));
            offset += counted == null ? 0 : counted.get(i).getPages().size();
        }
        return prints;
    }

    /**
     * Loads the templates and writes a throw-away page, so that the report engine, its fonts and the PDF
     * library are ready before the first report: called on a background thread while the run checks and
     * computes, after its loads (the first report otherwise pays some three seconds of start-up).
     */
    public void warmUp(List<String> templates) {
        try {
            templates.forEach(this::template);
            JasperPrint print = JasperFillManager.fillReport(template(templates.get(0)), new HashMap<>(),
                    new JRMapCollectionDataSource(List.of()));
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(OutputStream.nullOutputStream()));
            exporter.exportReport();
            new org.apache.poi.xssf.streaming.SXSSFWorkbook(1).close();
        }
        catch (JRException | IOException | RuntimeException ex) {
            // only a head start: the real rendering reports any problem with its context
        }
    }

    private JasperReport template(String name) {
        return compiled.computeIfAbsent(name, ReviewPdf::compile);
    }

    private static JasperReport compile(String name) {
        // the build compiles every template (TemplateCompiler); a checkout run from an IDE compiles on first use
        try (InputStream compiledTemplate = ReviewPdf.class.getClassLoader()
            .getResourceAsStream("reports/" + name + ".jasper")) {
            if (compiledTemplate != null) {
                return (JasperReport) net.sf.jasperreports.engine.util.JRLoader.loadObject(compiledTemplate);
            }
        }
        catch (IOException | JRException ex) {
            throw new IllegalStateException("cannot load reports/" + name + ".jasper: " + ex.getMessage(), ex);
        }
        String resource = "reports/" + name + ".jrxml";
        try (InputStream in = ReviewPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the build copies reports/");
            }
            return JasperCompileManager.compileReport(in);
        }
        catch (IOException | JRException ex) {
            throw new IllegalStateException("cannot compile " + resource + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Writes the PDF of one plan from its sections, in order, as PDF/A (archival: fonts embedded, an sRGB
     * output intent, the title in the metadata) and tagged for screen readers, PDF/A-1a ({@link PdfStructure}). The same sections give the same bytes: the document's
     * creation date is {@code created} (Japan time), not the time of writing ({@link RepeatablePdf}).
     */
    public void renderPdf(List<Section> sections, Path pdf, String title, LocalDateTime created) throws IOException {
        renderPdf(sections, pdf, title, null, created);
    }

    /** The same, with {@code keywords} in the document's properties (the input fingerprint the run checks). */
    public void renderPdf(List<Section> sections, Path pdf, String title, String keywords, LocalDateTime created)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> alternativeTexts;
        try {
            // page numbers run across the sections: a first fill counts each section's pages, the second
            // fills with the offset and the total (the data is small; filling is quick)
            List<JasperPrint> prints = fill(sections, null);
            prints = fill(sections, prints);
            alternativeTexts = PdfStructure.tag(prints, sections.stream().map(Section::chartTexts).toList());
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            // tagged (a structure tree with headings, tables and the charts' alternative text, language ja):
            // PDF/A-1a, the accessible level; the exporter of JasperReports 7.0.3 writes it (pom.xml says why
            // the version stays there)
            configuration.setTagged(true);
            configuration.setTagLanguage("ja");
            configuration.setDisplayMetadataTitle(true);
            configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_1A);
            configuration.setIccProfilePath(srgbProfile().toString());
            configuration.setMetadataTitle(title);
            configuration.setMetadataAuthor("plan-review");
            configuration.setMetadataCreator("plan-review");
            if (keywords != null) {
                configuration.setMetadataKeywords(keywords);
            }
            exporter.setConfiguration(configuration);
            exporter.exportReport();
        }
        catch (JRException ex) {
            throw new IOException("cannot render " + pdf.getFileName() + ": " + ex.getMessage(), ex);
        }
        Files.write(pdf, RepeatablePdf.normalise(PdfStructure.withAlternativeTexts(out.toByteArray(), alternativeTexts), created));
    }

}
