package jp.nakano.planreview.portal;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;

/** The portal's web server: how it treats encoded slashes, and the line that says where it listens. */
@Configuration(proxyBeanMethods = false)
@Profile(PortalApplication.PROFILE)
class PortalWebServer {

    private static final Logger log = LoggerFactory.getLogger(PortalWebServer.class);

    private final OutputFolder output;

    PortalWebServer(OutputFolder output) {
        this.output = output;
    }

    /**
     * Tomcat answers an encoded slash or backslash ({@code %2F}, {@code %5C}) with its own bare 400 page; passed
     * through, it reaches Spring Security's firewall, which refuses it with the portal's 404 like any path that
     * names no file.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        };
    }

    /** Tomcat's own access log, as the portal's: every answer as it was sent, refusals by Tomcat included. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> accessLogValve(AccessLog accessLog) {
        return factory -> factory.addEngineValves(new AccessLogValve(accessLog));
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        log.info("Report portal on port {}, reading {}", event.getWebServer().getPort(), output.root());
    }

}
