package jp.nakano.planreview.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.nakano.planreview.common.FileTrees;

/**
 * The published runs of one year folder {@code <output>/FY<yyyy>/}: which is the newest ({@code latest}, a
 * plain file holding its run id) and which old ones the retention setting removes. Hidden folders
 * ({@code .work-*} of runs still writing) are never touched.
 */
public final class PublishedRuns {

    /** The file in a year folder that names the newest published run. */
    public static final String LATEST = "latest";

    /** The temporary file {@code latest} is written as before it replaces the old one in one step. */
    private static final String LATEST_TEMP = "." + LATEST + "-";

    /** A run folder retention is deleting: renamed first so that a half-deleted run never looks published. */
    private static final String REMOVING = ".removing-";

    /**
     * A run folder's name: start time, execution id and the run's random token, {@code 20261122-183130-7-3fa91c};
     * runs published before the token existed have none, {@code 20261122-183130-7}.
     */
    private static final Pattern RUN_ID = Pattern.compile("(\\d{8}-\\d{6})-(\\d{1,18})(?:-([0-9a-f]{6}))?");

    /** Newest first: by start time, then by execution id (two runs can start in the same second), then token. */
    public static final Comparator<String> NEWEST_FIRST = Comparator
        .comparing((String runId) -> timeOf(runId))
        .thenComparingLong(PublishedRuns::executionOf)
        .thenComparing(PublishedRuns::tokenOf)
        .reversed();

    private final Path yearDir;

    public PublishedRuns(Path yearDir) {
        this.yearDir = yearDir;
    }

    /** Whether a folder name is a run id (and not {@code latest}, a working folder or a person's own folder). */
    public static boolean isRunId(String name) {
        return RUN_ID.matcher(name).matches();
    }

    /** The published run folders of the year, newest first. */
    public List<Path> runFolders() throws IOException {
        if (!Files.isDirectory(yearDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(yearDir)) {
            return entries.filter(Files::isDirectory)
                .map(p -> p.getFileName().toString())
                .filter(PublishedRuns::isRunId)
                .sorted(NEWEST_FIRST)
                .map(yearDir::resolve)
                .toList();
        }
    }

    /** The run id {@code latest} names, if the file exists. */
    public Optional<String> latest() throws IOException {
        try {
            String runId = Files.readString(yearDir.resolve(LATEST), StandardCharsets.UTF_8).strip();
            return runId.isEmpty() ? Optional.empty() : Optional.of(runId);
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
    }

    /**
     * Makes {@code latest} name this run unless it already names a newer one that is still there; replaced in
     * one step (a new file moved over the old), so a reader always finds a whole run id.
     *
     * @return whether {@code latest} now names the run
     */
    public boolean markLatest(String runId) throws IOException {
        Optional<String> current = latest();
        if (current.isPresent() && isRunId(current.get()) && Files.isDirectory(yearDir.resolve(current.get()))
                && NEWEST_FIRST.compare(current.get(), runId) < 0) {
            return false;
        }
        Path temp = yearDir.resolve(LATEST_TEMP + runId);
        try {
            Files.writeString(temp, runId + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, yearDir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temp, yearDir.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            // a half-written temporary file must not stay (a full disk); after the move it is gone anyway
            Files.deleteIfExists(temp);
        }
        return true;
    }

    /** The {@code latest} file of the year. */
    public Path latestFile() {
        return yearDir.resolve(LATEST);
    }

    /**
     * Removes what a process that ended (killed, or on a full disk) left in the year folder: temporary
     * {@code .latest-*} files and the rest of {@code .removing-*} folders. Only entries older than
     * {@code olderThan} go, so a run of another installation writing its {@code latest} right now is left alone.
     *
     * @return the entries removed
     */
    public List<Path> removeStrays(java.time.Duration olderThan) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(yearDir)) {
            return removed;
        }
        java.time.Instant before = java.time.Instant.now().minus(olderThan);
        try (Stream<Path> entries = Files.list(yearDir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!(name.startsWith(LATEST_TEMP) || name.startsWith(REMOVING))) {
                    continue;
                }
                java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(entry,
                        java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (attributes.lastModifiedTime().toInstant().isAfter(before)) {
                    continue;
                }
                FileTrees.delete(entry);
                removed.add(entry);
            }
        }
        return removed;
    }

    /**
     * Removes the oldest run folders of the year beyond the newest {@code keep}, never the one {@code latest}
     * names. A folder is first renamed to a hidden name so a half-deleted run never looks published.
     *
     * @param keep how many runs to keep, at least 1
     * @return the folders removed, newest first
     */
    public List<Path> removeOldest(int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("runs to keep must be at least 1, not " + keep);
        }
        Optional<String> latest = latest();
        List<Path> removed = new ArrayList<>();
        List<Path> runs = runFolders();
        for (Path run : runs.subList(Math.min(keep, runs.size()), runs.size())) {
            if (latest.isPresent() && run.getFileName().toString().equals(latest.get())) {
                continue;
            }
            Path doomed = yearDir.resolve(REMOVING + run.getFileName());
            Files.move(run, doomed);
            FileTrees.delete(doomed);
            removed.add(run);
        }
        return removed;
    }


    private static String timeOf(String runId) {
        return matcher(runId).group(1);
    }

    private static String tokenOf(String runId) {
        String token = matcher(runId).group(3);
        return token == null ? "" : token;
    }

    private static long executionOf(String runId) {
        return Long.parseLong(matcher(runId).group(2));
    }

    private static Matcher matcher(String runId) {
        Matcher m = RUN_ID.matcher(runId);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + runId + "' is not a run id (expected e.g. 20261122-183130-7)");
        }
        return m;
    }

}
