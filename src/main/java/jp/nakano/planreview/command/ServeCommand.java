package jp.nakano.planreview.command;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import jp.nakano.planreview.portal.PortalApplication;

/**
 * {@code serve [--output=<dir>]}: starts the report portal, a web application on the output folder. It starts
 * Spring with the {@code portal} profile and only the portal's beans: no database, no job, no run lock.
 */
public final class ServeCommand {

    static final String NAME = "serve";

    private ServeCommand() {
    }

    /** Whether the command line asks for {@code serve}: its first argument that is not an option. */
    public static boolean isRequested(DefaultApplicationArguments args) {
        return Subcommand.of(args).filter(Subcommand.SERVE::equals).isPresent();
    }

    /** Starts the portal; it runs until the process is stopped. Bad usage exits with code 2. */
    public static void start(String[] args) {
        DefaultApplicationArguments arguments = new DefaultApplicationArguments(args);
        if (arguments.containsOption("help")) {
            System.out.println(ReviewCommand.USAGE);
            System.exit(ExitCodes.OK);
        }
        var problems = new java.util.ArrayList<>(Subcommand.SERVE.unknownOptions(arguments));
        if (!Subcommand.SERVE.operands(arguments).isEmpty()) {
            problems.add("serve takes no argument(s) " + Subcommand.SERVE.operands(arguments)
                    + "; the output folder is --output=<dir>");
        }
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.err.println(ReviewCommand.USAGE);
            System.exit(ExitCodes.INVALID_INPUT);
        }
        SpringApplication application = application();
        if (arguments.getOptionNames().contains("plan-review.portal.demo")
                && !arguments.getOptionValues("plan-review.portal.demo").contains("false")) {
            // demo users' passwords are on the console: only this machine may reach them
            application.setDefaultProperties(java.util.Map.of("server.address", "127.0.0.1"));
        }
        application.run(args);
    }

    /** The portal's Spring application: the {@code portal} profile, a servlet web server. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        application.setAdditionalProfiles(PortalApplication.PROFILE);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        return application;
    }

}
