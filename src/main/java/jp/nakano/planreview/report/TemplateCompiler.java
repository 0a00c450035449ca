package jp.nakano.planreview.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles every JRXML template of a folder to {@code .jasper} at build time (the build runs it), so a run
 * loads compiled reports instead of compiling them; a template that does not compile fails the build.
 *
 * <p>Usage: {@code TemplateCompiler <jrxml-folder> <output-folder>}
 */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        Path source = Path.of(args[0]);
        Path target = Files.createDirectories(Path.of(args[1]));
        List<Path> templates;
        try (Stream<Path> files = Files.list(source)) {
            templates = files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path template : templates) {
            String name = template.getFileName().toString().replace(".jrxml", ".jasper");
            JasperCompileManager.compileReportToFile(template.toString(), target.resolve(name).toString());
            System.out.println("compiled " + template + " -> " + target.resolve(name));
        }
    }

}
