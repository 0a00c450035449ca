package jp.nakano.planreview.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The record an auditor reads: every request the portal answered (who, from where, method, what, the status and
 * the bytes actually sent; {@link AccessLogValve}) and every log-in, succeeded or failed, with the user name tried
 * and the client address. Its logger writes to {@code <data-dir>/logs/portal-access.log} ({@code logback-spring.xml}).
 */
@Component
@Profile(PortalApplication.PROFILE)
class AccessLog {

    /** The logger name the log configuration sends to the access log file. */
    static final String LOGGER = "jp.nakano.planreview.portal.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    /** One request as it was answered. */
    void request(Authentication user, String remoteAddress, String method, String what, int status, long bytes) {
        log.info("user={} roles={} from={} method={} {} status={} bytes={}", user == null ? "-" : clean(user.getName()),
                user == null ? "-" : roles(user), clean(remoteAddress), clean(method), clean(what), status, bytes);
    }

    /** A log-in, or a refusal of one; {@code outcome} says which ({@code success}, {@code failure}, {@code locked}). */
    void login(String outcome, String userTried, String remoteAddress, String detail) {
        log.info("login={} user={} from={}{}", outcome, userTried == null || userTried.isEmpty() ? "-" : clean(userTried),
                clean(remoteAddress), detail == null ? "" : " " + clean(detail));
    }

    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        login("success", event.getAuthentication().getName(), address(event.getAuthentication()), "roles="
                + roles(event.getAuthentication()));
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        login("failure", event.getAuthentication().getName(), address(event.getAuthentication()),
                "reason=" + event.getException().getClass().getSimpleName());
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : "-";
    }

    /** The user's roles, {@code STAFF}; not the other authorities Spring Security adds (how they logged in). */
    private static String roles(Authentication user) {
        String roles = String.join(",", user.getAuthorities().stream().map(a -> a.getAuthority())
            .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList());
        return roles.isEmpty() ? "-" : roles;
    }

    /** A crafted name must not forge a line of its own. */
    private static String clean(String text) {
        return text == null ? "-" : text.replaceAll("[\\p{Cntrl}\\s]", "_");
    }

}
