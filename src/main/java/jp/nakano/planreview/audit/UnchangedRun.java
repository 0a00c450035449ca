package jp.nakano.planreview.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the published run that a new run would only repeat: the latest run of a year whose input files
 * had the same bytes, made for the same request (year and plan) by the same software version. The nightly
 * schedule uses it to do nothing when no department has sent new figures.
 */
public final class UnchangedRun {

    private UnchangedRun() {
    }

    /**
     * The latest run under {@code output} whose inputs were exactly {@code inputs} (file name to SHA-256)
     * and whose request and software match; empty when there is none, so a new run is needed.
     *
     * @param fiscalYear the requested year as the job parameter holds it ({@code ""} for the latest year)
     * @param plan the requested plan ({@code ""} for every plan)
     */
    public static Optional<RunManifest> find(Path output, Map<String, String> inputs, String fiscalYear,
            String plan, String softwareVersion) throws IOException {
        if (!Files.isDirectory(output)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> years = Files.newDirectoryStream(output, "FY*")) {
            for (Path year : years) {
                Optional<String> latest = new PublishedRuns(year).latest();
                if (latest.isEmpty() || !Files.isDirectory(year.resolve(latest.get()))) {
                    continue;
                }
                RunManifest manifest;
                try {
                    manifest = ManifestFile.read(year.resolve(latest.get()));
                }
                catch (ManifestException ex) {
                    continue; // a run whose manifest cannot be read proves nothing: run again
                }
                Map<String, String> before = manifest.inputFiles().stream()
                    .collect(Collectors.toMap(RunManifest.InputFile::path, RunManifest.InputFile::sha256));
                if (before.equals(inputs) && same(manifest.parameters().get("fiscalYear"), fiscalYear)
                        && same(manifest.parameters().get("plan"), plan)
                        && Objects.equals(manifest.softwareVersion(), softwareVersion)) {
                    return Optional.of(manifest);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean same(String recorded, String requested) {
        return Objects.equals(recorded == null ? "" : recorded, requested == null ? "" : requested);
    }

}
