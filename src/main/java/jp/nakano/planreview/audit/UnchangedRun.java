package jp.nakano.planreview.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.nakano.planreview.common.Checksums;

/**
 * The published run that a new run would only repeat: the latest run of a year whose input files had the
 * same bytes, made for the same request (year and plan) by the same software version. The nightly schedule
 * uses it to do nothing when no department has sent new figures.
 *
 * @param folder the run's folder
 * @param manifest its manifest
 */
public record UnchangedRun(Path folder, RunManifest manifest) {

    /**
     * The latest run under {@code output} whose inputs were exactly the files {@code fileNames} of
     * {@code inputDir} and whose request and software match; empty when there is none, so a new run is needed.
     * An input is hashed only when a run is otherwise a match and the file's size is the recorded one, and at
     * most once: the run that goes ahead hashes its inputs again as it records them.
     *
     * @param fiscalYear the requested year as the job parameter holds it ({@code ""} for the latest year)
     * @param plan the requested plan ({@code ""} for every plan)
     */
    public static Optional<UnchangedRun> find(Path output, Path inputDir, List<String> fileNames, String fiscalYear,
            String plan, String softwareVersion) throws IOException {
        if (!Files.isDirectory(output)) {
            return Optional.empty();
        }
        Map<String, String> hashes = new HashMap<>();
        // year folders only: a stray file named FY… must not stop the comparison
        try (DirectoryStream<Path> years = Files.newDirectoryStream(output,
                p -> Files.isDirectory(p) && p.getFileName().toString().matches("FY\\d{4}"))) {
            for (Path year : years) {
                Optional<String> latest = new PublishedRuns(year).latest();
                if (latest.isEmpty()) {
                    continue;
                }
                Path folder = year.resolve(latest.get());
                RunManifest manifest;
                try {
                    manifest = ManifestFile.read(folder);
                }
                catch (ManifestException ex) {
                    continue; // a run whose manifest cannot be read proves nothing: run again
                }
                if (same(manifest.parameters().get("fiscalYear"), fiscalYear)
                        && same(manifest.parameters().get("plan"), plan)
                        && Objects.equals(manifest.softwareVersion(), softwareVersion)
                        && sameInputs(manifest, inputDir, fileNames, hashes)) {
                    return Optional.of(new UnchangedRun(folder, manifest));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameInputs(RunManifest manifest, Path inputDir, List<String> fileNames,
            Map<String, String> hashes) throws IOException {
        Set<String> recorded = manifest.inputFiles().stream().map(RunManifest.InputFile::path).collect(Collectors.toSet());
        if (!recorded.equals(Set.copyOf(fileNames))) {
            return false;
        }
        for (RunManifest.InputFile before : manifest.inputFiles()) {
            Path file = inputDir.resolve(before.path());
            if (!Files.isRegularFile(file) || Files.size(file) != before.size()) {
                return false;
            }
        }
        for (RunManifest.InputFile before : manifest.inputFiles()) {
            String now = hashes.get(before.path());
            if (now == null) {
                now = Checksums.sha256(inputDir.resolve(before.path()));
                hashes.put(before.path(), now);
            }
            if (!now.equals(before.sha256())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String recorded, String requested) {
        return Objects.equals(recorded == null ? "" : recorded, requested == null ? "" : requested);
    }

}
