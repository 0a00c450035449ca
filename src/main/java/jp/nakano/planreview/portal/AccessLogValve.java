package jp.nakano.planreview.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.AccessLog;
import org.apache.catalina.Session;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Writes one access-log line for every request the server answers, as Tomcat saw it leave: method, path, the
 * status and the body bytes actually sent (a {@code Range} answer's 10 bytes, a HEAD's 0), and who asked. Being
 * Tomcat's access log, it also records the requests Tomcat refuses before any of the application runs, and those
 * Spring Security answers itself (an anonymous download, a form without its token).
 */
class AccessLogValve extends ValveBase implements AccessLog {

    private static final Pattern DOWNLOAD = Pattern.compile("/fy/([^/]*)/runs/([^/]*)/files/(.*)");

    private final jp.nakano.planreview.portal.AccessLog log;

    private boolean requestAttributesEnabled;

    AccessLogValve(jp.nakano.planreview.portal.AccessLog log) {
        super(true);
        this.log = log;
    }

    @Override
    public void invoke(Request request, Response response) throws java.io.IOException, jakarta.servlet.ServletException {
        getNext().invoke(request, response);
    }

    @Override
    public void log(Request request, Response response, long time) {
        String method = request.getMethod();
        String uri = request.getRequestURI();
        if (uri == null && request.getCoyoteRequest() != null) {
            uri = request.getCoyoteRequest().requestURI().toString();
        }
        String what;
        Matcher download = uri == null ? null : DOWNLOAD.matcher(uri);
        if (download != null && download.matches()) {
            what = "download=FY" + download.group(1) + "/" + download.group(2) + "/" + download.group(3);
        }
        else {
            String query = request.getQueryString();
            what = "path=" + (uri == null ? "-" : uri) + (query == null ? "" : "?" + query);
        }
        log.request(user(request), request.getRemoteAddr(), method == null ? "-" : method, what, response.getStatus(),
                response.getBytesWritten(false));
    }

    /** Who was logged in, from the session Spring Security keeps its context in; null for nobody. */
    private static Authentication user(Request request) {
        try {
            Session session = request.getSessionInternal(false);
            if (session == null || !session.isValid()) {
                return null;
            }
            Object context = session.getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return context instanceof SecurityContext security ? security.getAuthentication() : null;
        }
        catch (RuntimeException ex) {
            return null; // a request refused before a context was mapped has no session to look in
        }
    }

    @Override
    public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
        this.requestAttributesEnabled = requestAttributesEnabled;
    }

    @Override
    public boolean getRequestAttributesEnabled() {
        return requestAttributesEnabled;
    }

}
