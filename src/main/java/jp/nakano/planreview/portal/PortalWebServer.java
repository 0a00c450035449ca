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

    /**
     * Tomcat's own error answers in Japanese: runs after Spring Boot's setting of the host's error report valve
     * (its customizer is registered earlier), and replaces that valve.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> japaneseTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(JapaneseErrorReportValve.class.getName());
                for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof org.apache.catalina.valves.ErrorReportValve
                            && !(valve instanceof JapaneseErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new JapaneseErrorReportValve());
            }
        });
    }

    /**
     * {@code /error} is where errors are shown, not a page: asked for directly it once showed 「状態コード 999」;
     * now it is a page that does not exist.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> noDirectErrorPage() {
        jakarta.servlet.Filter filter = (request, response, chain) -> {
            jakarta.servlet.http.HttpServletRequest http = (jakarta.servlet.http.HttpServletRequest) request;
            if (http.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST
                    && http.getRequestURI().startsWith(http.getContextPath() + "/error")) {
                ((jakarta.servlet.http.HttpServletResponse) response).sendError(404);
                return;
            }
            chain.doFilter(request, response);
        };
        org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/error", "/error/*");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        log.info("Report portal on port {}, reading {}", event.getWebServer().getPort(), output.root());
    }

}
