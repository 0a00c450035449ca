package jp.nakano.planreview.report;

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

/**
 * Renders the 成果指標 progress report of one plan ({@code reports/kpi-review.jrxml}) to PDF. The template is
 * compiled once, at first use; the data arrives formatted, so the template only lays it out.
 */
public class KpiReviewReport {

    static final String TEMPLATE = "reports/kpi-review.jrxml";

    private JasperReport compiled;

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

    /** Writes the PDF of one plan: its header parameters and one formatted row per KPI, in order. */
    public void renderPdf(Map<String, Object> parameters, List<Map<String, ?>> rows, Path pdf) throws IOException {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            JasperPrint print = JasperFillManager.fillReport(template(), new HashMap<>(parameters),
                    new JRMapCollectionDataSource(rows));
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
        }
        catch (JRException ex) {
            throw new IOException("cannot render " + pdf.getFileName() + ": " + ex.getMessage(), ex);
        }
    }

}
