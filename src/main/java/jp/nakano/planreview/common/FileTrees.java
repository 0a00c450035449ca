package jp.nakano.planreview.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a folder with everything in it: run folders that retention or a failed run leaves behind. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes {@code root} and all below it, deepest first. */
    public static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
