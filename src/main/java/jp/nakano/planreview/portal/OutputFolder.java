package jp.nakano.planreview.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import jp.nakano.planreview.audit.ManifestException;
import jp.nakano.planreview.audit.ManifestFile;
import jp.nakano.planreview.audit.PublishedRuns;
import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.common.Checksums;

/**
 * The batch's output folder as the portal reads it: the year folders {@code FY<yyyy>}, their published runs and
 * each run's files. It is the only way the portal reaches a file, and it resolves only names a run's manifest
 * lists, inside that run's folder.
 */
@Component
@Profile(PortalApplication.PROFILE)
class OutputFolder {

    private static final Pattern YEAR_DIR = Pattern.compile("FY(\\d{4})");

    private final Path root;

    /** SHA-256 of the files served, by real path: recomputed only when a file's size or times change. */
    private final Map<Path, Seen> checked = new ConcurrentHashMap<>();

    OutputFolder(@Value("${output:out}") String output) {
        this.root = Path.of(output).toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The fiscal years with a year folder, newest first. */
    List<Integer> years() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                .filter(this::inside)
                .map(p -> YEAR_DIR.matcher(p.getFileName().toString()))
                .filter(java.util.regex.Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1)))
                .sorted(Comparator.reverseOrder())
                .toList();
        }
    }

    /** The published runs of a year, newest first, each with its manifest or why it cannot be read. */
    List<Run> runs(int year) throws IOException {
        if (!inside(yearDir(year))) {
            return List.of();
        }
        PublishedRuns published = new PublishedRuns(yearDir(year));
        Optional<String> latest = published.latest();
        List<Run> runs = new ArrayList<>();
        for (Path folder : published.runFolders()) {
            if (!inside(folder)) {
                continue;
            }
            String runId = folder.getFileName().toString();
            runs.add(read(year, runId, folder, latest.filter(runId::equals).isPresent()));
        }
        return runs;
    }

    /** The run {@code latest} names, else the newest run folder of the year. */
    Optional<Run> latest(int year) throws IOException {
        List<Run> runs = runs(year);
        return runs.stream().filter(Run::latest).findFirst().or(() -> runs.stream().findFirst());
    }

    /** One published run, if the year and run id name one; any other text finds nothing. */
    Optional<Run> run(int year, String runId) throws IOException {
        if (!PublishedRuns.isRunId(runId)) {
            return Optional.empty();
        }
        Path folder = yearDir(year).resolve(runId);
        if (!Files.isDirectory(folder) || !inside(yearDir(year)) || !inside(folder)) {
            return Optional.empty();
        }
        boolean latest = new PublishedRuns(yearDir(year)).latest().filter(runId::equals).isPresent();
        return Optional.of(read(year, runId, folder, latest));
    }

    /**
     * A file of a run to send: only a regular file the manifest lists (or the manifest itself), inside the run
     * folder once every link is resolved. Anything else, however it is spelt, finds nothing.
     */
    Optional<Path> file(Run run, String name) throws IOException {
        boolean listed = name.equals(RunManifest.FILE_NAME)
                || run.manifest() != null && run.manifest().outputFiles().stream().anyMatch(f -> f.path().equals(name));
        if (!listed) {
            return Optional.empty();
        }
        Path folder = run.folder().toRealPath();
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path real = file.toRealPath();
        return real.startsWith(folder.toRealPath()) && real.startsWith(root.toRealPath()) ? Optional.of(real)
                : Optional.empty();
    }

    /**
     * Whether a file of a run is still the one the run wrote: its size always, and its SHA-256, computed again
     * only when its size, modification time or change time differ from the last check. The manifest itself has
     * nothing to be checked against and counts as intact; a name the manifest does not list does not.
     */
    boolean intact(Run run, String name) throws IOException {
        if (name.equals(RunManifest.FILE_NAME)) {
            return true;
        }
        if (run.manifest() == null) {
            return false;
        }
        Optional<RunManifest.OutputFile> expected = run.manifest().outputFiles().stream()
            .filter(f -> f.path().equals(name)).findFirst();
        Optional<Path> file = file(run, name);
        if (expected.isEmpty() || file.isEmpty()) {
            return false;
        }
        BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
        if (attributes.size() != expected.get().size()) {
            return false;
        }
        // the change time cannot be set back by a person the way the modification time can
        Object changed = changeTime(file.get());
        Seen seen = checked.get(file.get());
        String sha256;
        if (seen != null && seen.size() == attributes.size() && seen.modified().equals(attributes.lastModifiedTime())
                && java.util.Objects.equals(seen.changed(), changed)) {
            sha256 = seen.sha256();
        }
        else {
            sha256 = Checksums.sha256(file.get());
            checked.put(file.get(), new Seen(attributes.size(), attributes.lastModifiedTime(), changed, sha256));
        }
        return sha256.equalsIgnoreCase(expected.get().sha256());
    }

    private static Object changeTime(Path file) {
        try {
            return Files.getAttribute(file, "unix:ctime");
        }
        catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            return null;
        }
    }

    /** A file's SHA-256 as last computed, with what its attributes were then. */
    private record Seen(long size, FileTime modified, Object changed, String sha256) {
    }

    /**
     * Whether a folder is inside the output folder once every link is resolved. A year or run folder that is a
     * link leaving the output folder is ignored everywhere alike: not listed, no page, no download.
     */
    private boolean inside(Path folder) {
        try {
            return folder.toRealPath().startsWith(root.toRealPath());
        }
        catch (IOException ex) {
            return false;
        }
    }

    private Path yearDir(int year) {
        return root.resolve("FY" + year);
    }

    private static Run read(int year, String runId, Path folder, boolean latest) {
        try {
            return new Run(year, runId, folder, latest, ManifestFile.read(folder), null);
        }
        catch (ManifestException ex) {
            return new Run(year, runId, folder, latest, null, ex.getMessage());
        }
    }

    /**
     * A published run folder.
     *
     * @param manifest its manifest, or {@code null} when it cannot be read
     * @param problem why the manifest cannot be read, or {@code null}
     */
    record Run(int year, String runId, Path folder, boolean latest, RunManifest manifest, String problem) {
    }

}
