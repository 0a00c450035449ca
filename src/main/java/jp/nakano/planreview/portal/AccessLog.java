package jp.nakano.planreview.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The record of every download the portal is asked for, sent or refused: who, what, when (the log line's time)
 * and the result. Its logger writes to {@code <data-dir>/logs/portal-access.log} ({@code logback-spring.xml}).
 */
@Component
@Profile(PortalApplication.PROFILE)
class AccessLog {

    /** The logger name the log configuration sends to the access log file. */
    static final String LOGGER = "jp.nakano.planreview.portal.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    void download(Authentication user, String remoteAddress, String what, int status, long bytes) {
        log.info("user={} roles={} from={} download={} status={} bytes={}", user == null ? "-" : user.getName(),
                user == null ? "-" : roles(user),
                remoteAddress, clean(what), status, bytes);
    }

    /** The user's roles, {@code STAFF}; not the other authorities Spring Security adds (how they logged in). */
    private static String roles(Authentication user) {
        return String.join(",", user.getAuthorities().stream().map(a -> a.getAuthority())
            .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList());
    }

    /** A crafted name must not forge a line of its own. */
    private static String clean(String text) {
        return text.replaceAll("[\\p{Cntrl}\\s]", "_");
    }

}
