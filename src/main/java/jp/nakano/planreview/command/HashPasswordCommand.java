package jp.nakano.planreview.command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.boot.ApplicationArguments;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code hash-password}: reads a portal user's password (asked twice on a console, else the first line of
 * standard input) and prints its hash as the configuration takes it, {@code {bcrypt}$2a$10$...}. The portal
 * keeps only such hashes, never a password.
 */
public final class HashPasswordCommand {

    static final String NAME = "hash-password";

    /** Shorter passwords are refused: the portal serves the ward's reports and their audit trail. */
    static final int MIN_LENGTH = 12;

    private HashPasswordCommand() {
    }

    /** Whether the command line asks for {@code hash-password}. */
    public static boolean isRequested(ApplicationArguments args) {
        return Subcommand.of(args).filter(Subcommand.HASH_PASSWORD::equals).isPresent();
    }

    /** Prints the hash of the password read; exit 0, or 2 when no acceptable password was given. */
    public static int execute(ApplicationArguments args, InputStream in, PrintStream out, PrintStream err) {
        if (args.containsOption("help")) {
            out.println(ReviewCommand.USAGE);
            return ExitCodes.OK;
        }
        Console console = System.console();
        char[] password;
        try {
            password = console != null ? asked(console) : firstLine(in);
        }
        catch (IOException ex) {
            err.println("hash-password: cannot read the password: " + ex.getMessage());
            return ExitCodes.FAILURE;
        }
        if (password == null) {
            err.println("hash-password: the two passwords differ; nothing printed");
            return ExitCodes.INVALID_INPUT;
        }
        if (password.length < MIN_LENGTH) {
            err.println("hash-password: the password needs at least " + MIN_LENGTH + " characters");
            return ExitCodes.INVALID_INPUT;
        }
        out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(new String(password)));
        Arrays.fill(password, ' ');
        return ExitCodes.OK;
    }

    private static char[] asked(Console console) {
        char[] first = console.readPassword("password: ");
        char[] second = console.readPassword("again: ");
        return first != null && Arrays.equals(first, second) ? first : null;
    }

    private static char[] firstLine(InputStream in) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

}
