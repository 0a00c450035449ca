package jp.nakano.planreview.portal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits password guessing: after {@value #USER_FAILURES} wrong passwords in a row for one user name, or
 * {@value #ADDRESS_FAILURES} from one client address, log-ins for it are refused (without checking the password)
 * for a minute, doubling with every further failure up to {@value #MAX_LOCK_MINUTES} minutes. A success clears
 * the user's count. Every refusal is recorded in the access log as {@code login=locked}.
 */
@Component
@Profile(PortalApplication.PROFILE)
class LoginThrottle {

    static final int USER_FAILURES = 5;

    static final int ADDRESS_FAILURES = 20;

    static final int MAX_LOCK_MINUTES = 15;

    /** Beyond this many names or addresses remembered, the ones without a lock are forgotten (names are free to spray). */
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Failures> users = new ConcurrentHashMap<>();

    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    private final AccessLog accessLog;

    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    LoginThrottle(AccessLog accessLog) {
        this(accessLog, Clock.systemUTC());
    }

    LoginThrottle(AccessLog accessLog, Clock clock) {
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Consecutive failures and the lock they earned. */
    private record Failures(int count, Instant lockedUntil) {
    }

    /** Until when log-ins for this user name or from this address are refused, or null when they are not. */
    Instant lockedUntil(String user, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (Failures f : new Failures[] { users.get(key(user)), addresses.get(address) }) {
            if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)
                    && (until == null || f.lockedUntil().isAfter(until))) {
                until = f.lockedUntil();
            }
        }
        return until;
    }

    void failed(String user, String address) {
        record(users, key(user), USER_FAILURES);
        if (address != null) {
            record(addresses, address, ADDRESS_FAILURES);
        }
    }

    void succeeded(String user) {
        users.remove(key(user));
    }

    private void record(Map<String, Failures> map, String key, int threshold) {
        if (map.size() > MAX_ENTRIES) {
            Instant now = clock.instant();
            map.values().removeIf(f -> f.lockedUntil() == null || f.lockedUntil().isBefore(now));
        }
        map.compute(key, (k, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            Instant until = null;
            if (count >= threshold) {
                long minutes = Math.min(MAX_LOCK_MINUTES, 1L << Math.min(10, count - threshold));
                until = clock.instant().plus(Duration.ofMinutes(minutes));
            }
            return new Failures(count, until);
        });
    }

    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), AccessLog.address(event.getAuthentication()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    /** Refuses the log-in form while its user name or address is locked, before the password is looked at. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String user = request.getParameter("username");
                Instant until = lockedUntil(user, request.getRemoteAddr());
                if (until == null) {
                    chain.doFilter(request, response);
                    return;
                }
                accessLog.login("locked", user, request.getRemoteAddr(), "until=" + until);
                response.sendRedirect(request.getContextPath() + "/login?locked");
            }

        };
    }

}
