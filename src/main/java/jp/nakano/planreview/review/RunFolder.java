package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jp.nakano.planreview.common.FiscalYear;

/**
 * Where a run's outputs go: written into a hidden working folder and moved into place as
 * {@code <output>/FY<yyyy>/<run-id>/} only when complete, so people never see half a run.
 */
public final class RunFolder {

    private final Path working;

    private final Path published;

    private RunFolder(Path working, Path published) {
        this.working = working;
        this.published = published;
    }

    public static RunFolder create(Path outputDir, FiscalYear year, String runName) throws IOException {
        Path yearDir = outputDir.resolve(year.toString());
        Files.createDirectories(yearDir);
        Path working = yearDir.resolve(".work-" + runName);
        Files.createDirectories(working);
        return new RunFolder(working, yearDir.resolve(runName));
    }

    public Path working() {
        return working;
    }

    public Path published() {
        return published;
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

}
