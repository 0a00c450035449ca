package jp.nakano.planreview.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.nakano.planreview.command.ServeCommand;

/** What the portal's pages show: the organisation from configuration, the figures by the reports' display rules. */
class PortalDisplayTests {

    private static final String HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1I/ezo/oqNDIRWL4YPoJ5k2";

    @TempDir
    private Path dir;

    @Test
    void shouldNameTheConfiguredOrganisationInTheHeader() throws Exception {
        try (ConfigurableApplicationContext portal = ServeCommand.application().run("serve",
                "--output=" + dir.resolve("out"), "--plan-review.data-dir=" + dir.resolve("data"), "--server.port=0",
                "--plan-review.portal.users[0].name=hanako", "--plan-review.portal.users[0].password-hash=" + HASH,
                "--plan-review.portal.users[0].roles=STAFF", "--plan-review.portal.organisation=サンプル市")) {
            int port = ((WebServerApplicationContext) portal).getWebServer().getPort();
            String login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(login).contains("サンプル市 進行管理レポート").doesNotContain("中野区");
        }
        // the ward's own setting, and none at all
        assertThat(new Organisation("中野区").siteTitle()).isEqualTo("中野区 進行管理レポート");
        assertThat(new Organisation("").siteTitle()).isEqualTo("進行管理レポート");
    }

    @Test
    void shouldShowTheFiguresAsTheReportsDo() {
        Map<String, String> card = row("chiiki2-k01", "%", "46", "54.4", "100", "63.2", "1");
        card.put("final_target_text", "100%");
        KpiController.KpiRow cardRow = KpiController.KpiRow.of(0, card, 2021, Map.of());
        // a percentage KPI with one decimal, as the PDF: 46.0%, 54.4%; 進捗率 with one decimal
        assertThat(cardRow.actual()).isEqualTo("46.0%");
        assertThat(cardRow.expected()).isEqualTo("54.4%");
        assertThat(cardRow.progressText()).isEqualTo("63.2%");

        KpiController.KpiRow groups = KpiController.KpiRow.of(1,
                row("sample-k03", "団体", "3", "3.3333333333", "6", "25", "0"), 2022, Map.of());
        // a count the plan writes whole: 3団体, not 3.3団体; 25.0%
        assertThat(groups.expected()).isEqualTo("3団体");
        assertThat(groups.progressText()).isEqualTo("25.0%");
    }

    private static Map<String, String> row(String id, String unit, String actual, String expected, String target,
            String progress, String decimals) {
        Map<String, String> row = new HashMap<>();
        row.put("kpi_id", id);
        row.put("plan_id", id.substring(0, id.indexOf('-')));
        row.put("name", id);
        row.put("unit", unit);
        row.put("actual", actual);
        row.put("expected", expected);
        row.put("final_target", target);
        row.put("progress_percent", progress);
        row.put("figure_decimals", decimals);
        row.put("status", "遅れ");
        return row;
    }

}
