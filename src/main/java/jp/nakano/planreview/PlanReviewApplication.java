package jp.nakano.planreview;

import java.nio.file.Path;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import jp.nakano.planreview.command.ExitCodes;
import jp.nakano.planreview.command.HashPasswordCommand;
import jp.nakano.planreview.command.ServeCommand;
import jp.nakano.planreview.command.TemplateCommand;
import jp.nakano.planreview.command.VerifyCommand;
import jp.nakano.planreview.operations.RunLock;

/** Entry point of plan-review: the annual progress review of Nakano ward's DX plans. */
@SpringBootApplication
public class PlanReviewApplication {

    public static void main(String[] args) {
        DefaultApplicationArguments arguments = new DefaultApplicationArguments(args);
        if (VerifyCommand.isRequested(arguments)) {
            // verify only reads files: without Spring it opens no database, so it works while a run holds it
            System.exit(VerifyCommand.execute(arguments, System.out, System.err));
        }
        if (TemplateCommand.isRequested(arguments)) {
            // template reads the input files only: no database, no lock
            System.exit(TemplateCommand.execute(arguments, System.out, System.err));
        }
        if (HashPasswordCommand.isRequested(arguments)) {
            System.exit(HashPasswordCommand.execute(arguments, System.in, System.out, System.err));
        }
        if (ServeCommand.isRequested(arguments)) {
            // the portal reads the output folder only and runs for days next to the nightly runs: it must neither
            // take the run lock nor open the embedded database, which one process at a time may use
            ServeCommand.start(args);
            return;
        }
        // the lock comes first, before Spring opens the embedded database: a second run must neither touch
        // the database files nor wait, but say at once which run holds them
        Path locked = dataDir(args).toAbsolutePath().normalize();
        RunLock lock;
        try {
            lock = RunLock.acquire(locked, "starting: plan-review " + String.join(" ", args));
        }
        catch (RunLock.HeldException ex) {
            System.err.println("plan-review: another run is in progress (" + ex.holder() + "); the lock is "
                    + ex.file().toAbsolutePath() + ". Nothing was done; run again when it has finished.");
            System.exit(ExitCodes.RUN_IN_PROGRESS);
            return;
        }
        catch (java.io.IOException ex) {
            System.err.println("plan-review: cannot use the data folder: " + ex.getMessage());
            System.exit(ExitCodes.FAILURE);
            return;
        }
        SpringApplication application = new SpringApplication(PlanReviewApplication.class);
        application.addInitializers(context -> {
            // the lock guards the database only if both are in the same folder: a data folder set where main()
            // cannot see it (a configuration file) must not open a database another process may be using
            Path configured = Path.of(context.getEnvironment().getProperty("plan-review.data-dir", "data"))
                .toAbsolutePath().normalize();
            if (!configured.equals(locked)) {
                System.err.println("plan-review: plan-review.data-dir is " + configured + " in the configuration but "
                        + locked + " on the command line or in the environment; give it as --plan-review.data-dir or "
                        + "PLAN_REVIEW_DATA_DIR so the run lock covers the database. Nothing was done.");
                System.exit(ExitCodes.INVALID_INPUT);
            }
            context.getBeanFactory().registerSingleton("runLock", lock);
        });
        System.exit(SpringApplication.exit(application.run(args)));
    }

    /**
     * The data folder as Spring will resolve {@code plan-review.data-dir}: a command-line option, then a
     * system property, then the environment variable {@code PLAN_REVIEW_DATA_DIR}, then {@code data}.
     */
    static Path dataDir(String[] args) {
        String value = null;
        for (String arg : args) {
            if (arg.startsWith("--plan-review.data-dir=")) {
                value = arg.substring("--plan-review.data-dir=".length());
            }
        }
        if (value == null) {
            value = System.getProperty("plan-review.data-dir");
        }
        if (value == null) {
            value = System.getenv("PLAN_REVIEW_DATA_DIR");
        }
        return Path.of(value == null || value.isBlank() ? "data" : value);
    }

}
