package jp.nakano.planreview.portal;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The log-in page, in Japanese; Spring Security checks the form it posts. */
@Controller
@Profile(PortalApplication.PROFILE)
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

}
