package jp.nakano.planreview.audit;

import java.nio.file.Path;

/** A run folder whose {@code manifest.json} is missing or cannot be read: nothing can be checked against it. */
public class ManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    public ManifestException(Path manifest, String problem, Throwable cause) {
        super(manifest + ": " + problem, cause);
    }

}
