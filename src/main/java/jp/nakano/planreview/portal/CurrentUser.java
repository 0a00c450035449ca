package jp.nakano.planreview.portal;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is logged in, for every page's header and for what a page offers an auditor only. */
@ControllerAdvice
@Profile(PortalApplication.PROFILE)
class CurrentUser {

    @ModelAttribute("user")
    User user(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        boolean auditor = authentication.getAuthorities().stream()
            .anyMatch(a -> Role.AUDITOR_AUTHORITY.equals(a.getAuthority()));
        return new User(authentication.getName(), auditor ? List.of("監査担当") : List.of("職員"), auditor);
    }

    /** The user as the pages name them. */
    record User(String name, List<String> roles, boolean auditor) {
    }

}
