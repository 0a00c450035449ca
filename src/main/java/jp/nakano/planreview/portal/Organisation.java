package jp.nakano.planreview.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The name of the organisation every page's header shows ({@code plan-review.portal.organisation}, 中野区 by
 * default): configuration, not text written into the pages, as the PDF takes its issuer from the plans' data.
 */
@ControllerAdvice
@Profile(PortalApplication.PROFILE)
class Organisation {

    private final String name;

    Organisation(@Value("${plan-review.portal.organisation:}") String name) {
        this.name = name == null ? "" : name.strip();
    }

    /** The header's title: 「中野区 進行管理レポート」, or 「進行管理レポート」 when no organisation is configured. */
    @ModelAttribute("siteTitle")
    String siteTitle() {
        return (name.isEmpty() ? "" : name + " ") + "進行管理レポート";
    }

}
