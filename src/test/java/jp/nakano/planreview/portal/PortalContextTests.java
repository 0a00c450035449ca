package jp.nakano.planreview.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.nakano.planreview.command.ServeCommand;

/** The portal's Spring context: a web server and the portal's beans only, never the batch's database. */
class PortalContextTests {

    private static final String HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1I/ezo/oqNDIRWL4YPoJ5k2";

    @TempDir
    private Path dir;

    @Test
    void shouldStartWithoutDataSourceJobOrBatchCommandAndOpenNoDatabaseFile() throws Exception {
        try (ConfigurableApplicationContext portal = ServeCommand.application().run("serve",
                "--output=" + dir.resolve("out"), "--plan-review.data-dir=" + dir.resolve("data"), "--server.port=0",
                "--plan-review.portal.users[0].name=hanako", "--plan-review.portal.users[0].password-hash=" + HASH,
                "--plan-review.portal.users[0].roles=STAFF")) {
            assertThat(portal.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(portal.getBeanNamesForType(Job.class)).isEmpty();
            assertThat(portal.getBeanNamesForType(ApplicationRunner.class)).isEmpty();
            int port = ((WebServerApplicationContext) portal).getWebServer().getPort();
            HttpResponse<String> login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("ログイン", "_csrf");
        }
        assertThat(dir.resolve("data/db")).doesNotExist();
        assertThat(dir.resolve("data/plan-review.lock")).doesNotExist();
    }

    @Test
    void shouldRefuseToStartWithAPlainPasswordInTheConfiguration() {
        assertThatThrownBy(() -> ServeCommand.application().run("serve", "--output=" + dir, "--server.port=0",
                "--plan-review.data-dir=" + dir.resolve("data"), "--plan-review.portal.users[0].name=hanako",
                "--plan-review.portal.users[0].password-hash=secret", "--plan-review.portal.users[0].roles=STAFF"))
            .hasStackTraceContaining("plain passwords are not accepted");
    }

    @Test
    void shouldRefuseToStartWithoutUsers() {
        assertThatThrownBy(() -> ServeCommand.application().run("serve", "--output=" + dir, "--server.port=0",
                "--plan-review.data-dir=" + dir.resolve("data")))
            .hasStackTraceContaining("The portal has no users");
        assertThat(Files.exists(dir.resolve("data/db"))).isFalse();
    }

}
