package jp.nakano.planreview.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.nakano.planreview.common.Checksums;

/**
 * Checks a published run folder against its {@code manifest.json}: recomputes the size and SHA-256 of every
 * file listed, and finds the files that were changed, removed or added since the run wrote them. Optionally
 * checks the input files the manifest lists against an input folder as well.
 */
public final class RunVerifier {

    /**
     * Checks the run folder's files against its manifest.
     *
     * @param inputDir an input folder to check the manifest's input files against as well, or {@code null}
     * @throws ManifestException when the folder has no readable manifest
     */
    public Verification verify(Path runFolder, Path inputDir) throws ManifestException, IOException {
        return verify(runFolder, ManifestFile.read(runFolder), inputDir);
    }

    /** The same check with the manifest already read, as the portal has it. */
    public Verification verify(Path runFolder, RunManifest manifest, Path inputDir) throws IOException {
        List<Discrepancy> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        int checked = 0;
        for (RunManifest.OutputFile expected : manifest.outputFiles()) {
            listed.add(expected.path());
            checked++;
            compare(runFolder.resolve(expected.path()), expected.path(), expected.size(), expected.sha256(), problems);
        }
        // a report whose bytes the manifest lists can still be another run's: it names the inputs it was made from
        if (!manifest.inputFiles().isEmpty()) {
            Set<String> differ = new HashSet<>();
            problems.forEach(p -> differ.add(p.file()));
            List<String> reports = manifest.outputFiles().stream().map(RunManifest.OutputFile::path)
                .filter(path -> !differ.contains(path)).toList();
            for (String foreign : ReportFingerprint.mismatches(runFolder, reports, ReportFingerprint.of(manifest), false)) {
                String file = foreign.substring(0, foreign.indexOf(':'));
                problems.add(new Discrepancy(Discrepancy.Kind.CHANGED, file, foreign.substring(file.length() + 2)));
            }
        }
        for (String present : ManifestFile.files(runFolder)) {
            if (!listed.contains(present)) {
                problems.add(new Discrepancy(Discrepancy.Kind.ADDED, present,
                        "in the folder, not in the manifest (" + Files.size(runFolder.resolve(present)) + " bytes)"));
            }
        }
        if (inputDir != null) {
            for (RunManifest.InputFile expected : manifest.inputFiles()) {
                Path file = inputDir.resolve(expected.path());
                checked++;
                compare(file, file.toString(), expected.size(), expected.sha256(), problems);
            }
        }
        return new Verification(runFolder, manifest, checked, List.copyOf(problems));
    }

    private static void compare(Path file, String name, long size, String sha256, List<Discrepancy> problems)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(new Discrepancy(Discrepancy.Kind.MISSING, name, "listed in the manifest, not found"));
            return;
        }
        long actualSize = Files.size(file);
        String actualSha = Checksums.sha256(file);
        if (actualSize != size || !actualSha.equalsIgnoreCase(sha256)) {
            problems.add(new Discrepancy(Discrepancy.Kind.CHANGED, name, "SHA-256 " + actualSha + ", " + actualSize
                    + " bytes; the manifest has " + sha256 + ", " + size + " bytes"));
        }
    }

    /**
     * The outcome of one check.
     *
     * @param folder the run folder checked
     * @param manifest its manifest
     * @param checked how many listed files were compared
     * @param problems every file that differs from the manifest, in manifest order, then the added ones
     */
    public record Verification(Path folder, RunManifest manifest, int checked, List<Discrepancy> problems) {

        /** Whether every file matches the manifest and nothing was added. */
        public boolean matches() {
            return problems.isEmpty();
        }

        public long count(Discrepancy.Kind kind) {
            return problems.stream().filter(p -> p.kind() == kind).count();
        }

    }

    /**
     * One file that differs from the manifest.
     *
     * @param kind how it differs
     * @param file the path relative to the run folder, or the input file's path
     * @param detail what was found against what the manifest says
     */
    public record Discrepancy(Kind kind, String file, String detail) {

        /** How a file differs from the manifest. */
        public enum Kind {

            /** Present, but its size or SHA-256 is not the one recorded. */
            CHANGED,

            /** Listed in the manifest, not found. */
            MISSING,

            /** In the run folder, not listed in the manifest. */
            ADDED

        }

    }

}
