package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import jp.nakano.planreview.common.FileTrees;
import jp.nakano.planreview.common.FiscalYear;

/**
 * Where a run's outputs go: written into a hidden working folder {@code <output>/.work-<run-id>/} and moved
 * into place as {@code <output>/FY<yyyy>/<run-id>/} only when complete, so people never see half a run. A
 * run that does not get there leaves only its log, in {@code <output>/.failed-<run-id>/run.log}.
 */
public final class RunFolder {

    /** The run's own log, with stack traces, in its folder. */
    public static final String LOG_FILE = "run.log";

    private final Path working;

    private final Path published;

    private RunFolder(Path working, Path published) {
        this.working = working;
        this.published = published;
    }

    /**
     * The run's folders once its year is known. The working folder must be the one {@link #claim} created for
     * this run: it is never created (nor reused) here.
     */
    public static RunFolder create(Path outputDir, FiscalYear year, String runName) throws IOException {
        Path working = working(outputDir, runName);
        if (!Files.isDirectory(working, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the working folder " + working + " of run " + runName + " is gone");
        }
        Path yearDir = Files.createDirectories(outputDir.resolve(year.toString()));
        return new RunFolder(working, yearDir.resolve(runName));
    }

    /**
     * Creates the run's working folder, exclusively: a folder of that name that already exists belongs to
     * another run (another installation writing into the same output folder) and is never written into.
     *
     * @throws FileAlreadyExistsException when the folder exists already
     */
    public static Path claim(Path outputDir, String runName) throws IOException {
        Files.createDirectories(outputDir);
        return Files.createDirectory(working(outputDir, runName));
    }

    /** The working folder of a run: known from its start, before its year is. */
    public static Path working(Path outputDir, String runName) {
        return outputDir.resolve(".work-" + runName);
    }

    public Path working() {
        return working;
    }

    /** Moves the complete working folder to its published name in one step where the file system allows. */
    public Path publish() throws IOException {
        try {
            Files.move(working, published, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(working, published);
        }
        return published;
    }

    /**
     * Clears the working folder of a run that will never be published: its outputs are deleted, its log is
     * kept as {@code <output>/.failed-<run-id>/run.log} for whoever looks into the failure.
     *
     * @return the kept log, if the run had one
     */
    public static Optional<Path> abandon(Path outputDir, String runName) throws IOException {
        Path working = working(outputDir, runName);
        if (!Files.isDirectory(working)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(working)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(LOG_FILE)) {
                    FileTrees.delete(entry);
                }
            }
        }
        Path failed = outputDir.resolve(".failed-" + runName);
        Files.move(working, failed);
        Path log = failed.resolve(LOG_FILE);
        return Files.exists(log) ? Optional.of(log) : Optional.empty();
    }


}
