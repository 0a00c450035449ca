package jp.nakano.planreview.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Renders the 成果指標 progress report of one plan ({@code reports/kpi-review.jrxml}) to PDF. The template is
 * compiled once, at first use; the data arrives formatted, so the template only lays it out.
 */
public class KpiReviewReport {

    static final String TEMPLATE = "reports/kpi-review.jrxml";

    private JasperReport compiled;

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

    private synchronized JasperReport template() {
        if (compiled == null) {
            try (InputStream in = KpiReviewReport.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
                if (in == null) {
                    throw new IllegalStateException(TEMPLATE + " is not on the classpath: the build copies reports/");
                }
                compiled = JasperCompileManager.compileReport(in);
            }
            catch (IOException | JRException ex) {
                throw new IllegalStateException("cannot compile " + TEMPLATE + ": " + ex.getMessage(), ex);
            }
        }
        return compiled;
    }

    /**
     * Writes the PDF of one plan: its header parameters and one formatted row per KPI, in order, as PDF/A-1b
     * (archival: fonts embedded, an sRGB output intent, the title in the metadata).
     */
    public void renderPdf(Map<String, Object> parameters, List<Map<String, ?>> rows, Path pdf, String title)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            JasperPrint print = JasperFillManager.fillReport(template(), new HashMap<>(parameters),
                    new JRMapCollectionDataSource(rows));
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_1B);
            configuration.setIccProfilePath(srgbProfile().toString());
            configuration.setMetadataTitle(title);
            configuration.setMetadataAuthor("plan-review");
            configuration.setMetadataCreator("plan-review");
            exporter.setConfiguration(configuration);
            exporter.exportReport();
        }
        catch (JRException ex) {
            throw new IOException("cannot render " + pdf.getFileName() + ": " + ex.getMessage(), ex);
        }
    }

}
