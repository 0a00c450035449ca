package jp.nakano.planreview.portal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's settings under {@code plan-review.portal}: its users, and the demo mode.
 *
 * @param users the users who may log in, with the hash of their password and their roles
 * @param demo whether to add the demo users {@code staff} and {@code auditor} with passwords made up at start
 *     and printed once on the console: for trying the portal on one's own machine, never for the ward's server
 */
@ConfigurationProperties("plan-review.portal")
public record PortalProperties(List<User> users, boolean demo) {

    public PortalProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * A portal user.
     *
     * @param name the log-in name
     * @param passwordHash the password as {@code hash-password} prints it, {@code {bcrypt}$2a$10$...}
     * @param roles {@code STAFF} (reports and CSV files) and/or {@code AUDITOR} (also runs, findings, manifests)
     */
    public record User(String name, String passwordHash, List<String> roles) {
    }

}
