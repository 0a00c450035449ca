package jp.nakano.planreview.portal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.DispatcherType;

/**
 * Who may log in to the portal and what each role may open. Users come from the configuration with hashed
 * passwords only; run pages, findings and manifests are for auditors; CSRF protection stays on (log-out is a
 * POST) and a request the firewall refuses (an encoded slash, {@code ..}) gets 404 like any other unknown path.
 */
@Configuration(proxyBeanMethods = false)
@Profile(PortalApplication.PROFILE)
class PortalSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PortalSecurityConfiguration.class);

    /** A stored password hash names its algorithm, {@code {bcrypt}...}: a plain password is refused at start. */
    private static final Pattern HASH = Pattern.compile("\\{[a-z0-9_-]+}.+");

    /**
     * The pages use the portal's own style sheet and images only: no script at all, no inline style, no frames,
     * forms posted only to the portal.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Set<String> ROLES = Set.of(Role.STAFF.name(), Role.AUDITOR.name());

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
        // after the CSRF check, before the password is looked at
        http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
            .requestMatchers("/login", "/portal.css", "/favicon.ico").permitAll()
            .requestMatchers("/fy/*/runs/*").hasRole(Role.AUDITOR.name())
            .anyRequest().hasAnyRole(Role.STAFF.name(), Role.AUDITOR.name()))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /**
     * The firewall's refusals (an encoded slash or dot, {@code ..}, a backslash) as 404: a crafted path learns
     * nothing more than a wrong one. They are recorded in the access log like every other answer.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        // recorded in the access log like every other answer (AccessLogValve)
        return new HttpStatusRequestRejectedHandler(404);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService portalUsers(PortalProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (PortalProperties.User user : properties.users()) {
            users.add(configured(user));
        }
        if (properties.demo()) {
            log.warn("Demo mode: users staff and auditor with passwords printed on the console");
            users.add(demo("staff", Role.STAFF, encoder));
            users.add(demo("auditor", Role.AUDITOR, encoder));
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("The portal has no users: add plan-review.portal.users[0].name, "
                    + ".password-hash (from hash-password) and .roles, or try it with --plan-review.portal.demo=true "
                    + "(see README, 'Report portal')");
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails configured(PortalProperties.User user) {
        String where = "plan-review.portal.users entry '" + user.name() + "'";
        if (user.name() == null || user.name().isBlank()) {
            throw new IllegalStateException("plan-review.portal.users: an entry has no name");
        }
        if (user.passwordHash() == null || !HASH.matcher(user.passwordHash()).matches()) {
            throw new IllegalStateException(where + ": password-hash must be a hash as hash-password prints it "
                    + "({bcrypt}$2a$10$...); plain passwords are not accepted");
        }
        if (user.roles() == null || user.roles().isEmpty() || !ROLES.containsAll(user.roles())) {
            throw new IllegalStateException(where + ": roles must be STAFF and/or AUDITOR, not " + user.roles());
        }
        return User.withUsername(user.name())
            .password(user.passwordHash())
            .roles(user.roles().toArray(String[]::new))
            .build();
    }

    /** A demo user with a password made up now, printed once: nothing to guess, nothing stored. */
    private static UserDetails demo(String name, Role role, PasswordEncoder encoder) {
        byte[] random = new byte[9];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // the console, not the log file: the password must not stay on disk
        System.out.println("DEMO user " + name + " (" + role + "), password " + password
                + "   -- demo only: plan-review.portal.demo=true");
        return User.withUsername(name).password(encoder.encode(password)).roles(role.name()).build();
    }

}
