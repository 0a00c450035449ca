package jp.nakano.planreview.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;

/** What the command line asks for: its first argument that is not an option, the review when there is none. */
enum Subcommand {

    /** Review a fiscal year: the default. */
    RUN("run", Set.of("input", "output", "fiscal-year", "plan", "force", "help")),

    /** List the past runs. */
    HISTORY("history", Set.of("fiscal-year", "help")),

    /** Check a run folder against its manifest. */
    VERIFY(VerifyCommand.NAME, Set.of("input", "help")),

    /** Start the report portal on the output folder. */
    SERVE(ServeCommand.NAME, Set.of("output", "help")),

    /** Write the collection workbooks (調査票) of a year, one per department. */
    TEMPLATE(TemplateCommand.NAME, Set.of("fiscal-year", "department", "output", "input", "due", "help")),

    /** Print the hash of a portal user's password for the configuration. */
    HASH_PASSWORD(HashPasswordCommand.NAME, Set.of("help"));

    private final String word;

    private final Set<String> options;

    Subcommand(String word, Set<String> options) {
        this.word = word;
        this.options = options;
    }

    /** The subcommand the arguments name, or empty when the first word is not one. */
    static Optional<Subcommand> of(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty()) {
            return Optional.of(RUN);
        }
        for (Subcommand command : values()) {
            if (command.word.equals(words.get(0))) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** The words after the subcommand's own; for the default review without {@code run}, all of them. */
    List<String> operands(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        return !words.isEmpty() && words.get(0).equals(word) ? words.subList(1, words.size()) : words;
    }

    /** A problem per option this subcommand does not take; Spring, logging and plan-review settings pass. */
    List<String> unknownOptions(ApplicationArguments args) {
        List<String> problems = new ArrayList<>();
        for (String option : args.getOptionNames()) {
            if (!options.contains(option) && !option.startsWith("spring.") && !option.startsWith("plan-review.")
                    && !option.startsWith("logging.") && !(this == SERVE && option.startsWith("server."))) {
                problems.add("unknown option --" + option + (this == RUN ? "" : " for " + word));
            }
        }
        return problems;
    }

}
