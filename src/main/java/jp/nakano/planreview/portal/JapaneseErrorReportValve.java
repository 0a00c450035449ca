package jp.nakano.planreview.portal;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The answer to the errors Tomcat answers itself, before the application is reached (a malformed request, a bad
 * percent-encoding): a short Japanese page like the portal's own, instead of Tomcat's English report.
 */
public class JapaneseErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String title = status == 400 ? "要求を処理できません" : status == 404 ? "ページまたはファイルが見つかりません"
                : "エラーが発生しました";
        String text = status == 400 ? "アドレスまたは要求の形式が正しくありません。アドレスを確認してください。"
                : "しばらくしてからもう一度お試しください。続く場合はシステム管理者に連絡してください。";
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Content-Language", "ja");
            response.setHeader("Content-Security-Policy", PortalSecurityConfiguration.CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>" + title
                        + " | 進行管理レポート</title></head>\n<body><h1>" + title + "</h1><p>" + text
                        + "</p><p><a href=\"/\">年度の一覧へ戻る</a></p></body></html>\n");
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // the client has gone; nothing else to say
        }
    }

}
