package jp.nakano.planreview.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import jp.nakano.planreview.common.Checksums;

/**
 * Writes and reads a run folder's {@code manifest.json}. The same run gives the same text: keys in the order of
 * {@link RunManifest}'s components (parameters by name), files sorted by path, two-space indent, {@code \n}
 * line ends on every system, UTF-8 and a final newline.
 */
public final class ManifestFile {

    private static final String NEWLINE = "\n";

    private static final JsonMapper JSON = JsonMapper.builder()
        // record order is the documented order; Jackson 3 would sort alphabetically otherwise
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        // times as ISO-8601 text with the offset they were written with, also when read back
        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        // a later version may add keys: an older verify still checks the files it knows
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", NEWLINE))
            .withArrayIndenter(new DefaultIndenter("  ", NEWLINE)))
        .build();

    private ManifestFile() {
    }

    /**
     * Lists every file of the folder but the manifest, with its size and SHA-256, and writes the manifest;
     * call it when every output exists.
     *
     * @return the manifest as written
     */
    public static RunManifest write(Path folder, RunManifest run) throws IOException {
        List<RunManifest.OutputFile> outputs = new ArrayList<>();
        for (String path : files(folder)) {
            Path file = folder.resolve(path);
            outputs.add(new RunManifest.OutputFile(path, Files.size(file), Checksums.sha256(file)));
        }
        RunManifest manifest = run.withOutputFiles(outputs);
        Files.writeString(folder.resolve(RunManifest.FILE_NAME), toJson(manifest), StandardCharsets.UTF_8);
        return manifest;
    }

    static String toJson(RunManifest manifest) {
        return JSON.writeValueAsString(manifest) + NEWLINE;
    }

    /** Reads the manifest of a run folder, failing with the file and the reason when it is missing or broken. */
    public static RunManifest read(Path folder) throws ManifestException {
        Path file = folder.resolve(RunManifest.FILE_NAME);
        try {
            JsonNode tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (tree == null || !tree.isObject() || !tree.path("runId").isString()) {
                throw new ManifestException(file, "is not a plan-review manifest (no runId)", null);
            }
            // the version first: a newer format may have changed what the other keys mean
            int version = tree.path("manifestVersion").asInt(0);
            if (version > RunManifest.VERSION) {
                throw new ManifestException(file, "has format version " + version + "; this plan-review reads up to "
                        + RunManifest.VERSION + ": use a newer plan-review", null);
            }
            return JSON.treeToValue(tree, RunManifest.class);
        }
        catch (NoSuchFileException ex) {
            throw new ManifestException(file, "no manifest: not a run folder, or a run published before manifests", ex);
        }
        catch (IOException ex) {
            throw new ManifestException(file, "cannot be read: " + ex.getMessage(), ex);
        }
        catch (JacksonException ex) {
            throw new ManifestException(file, "is not a valid manifest: " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * The files of a run folder but the manifest: paths relative to the folder with {@code /} between folders,
     * sorted.
     */
    public static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                .map(file -> folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/"))
                .filter(path -> !path.equals(RunManifest.FILE_NAME))
                .sorted()
                .toList();
        }
    }

}
