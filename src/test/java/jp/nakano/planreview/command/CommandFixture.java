package jp.nakano.planreview.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;

import jp.nakano.planreview.PlanReviewApplication;

/** The command run in-process as a scheduler runs it, with a file database of its own under a test folder. */
public final class CommandFixture {

    private CommandFixture() {
    }

    /** Runs the command with {@code args}, its database and logs in {@code <home>/data}; returns the exit code. */
    public static int run(Path home, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--plan-review.command.enabled=true",
                "--plan-review.data-dir=" + home.resolve("data"),
                "--spring.datasource.url=jdbc:hsqldb:file:" + home.resolve("data/db/plan-review") + ";hsqldb.tx=mvcc;shutdown=true"))
            .toArray(String[]::new);
        return SpringApplication.exit(SpringApplication.run(PlanReviewApplication.class, all));
    }

    /** The run folders of a year folder, without {@code latest}. */
    public static List<Path> runFolders(Path yearDir) throws java.io.IOException {
        try (Stream<Path> entries = Files.list(yearDir)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

}
