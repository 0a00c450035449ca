package jp.nakano.planreview.portal;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Profile;

/**
 * The report portal ({@code serve}): a web application on the batch's output folder. It scans only this package
 * and leaves out the database, JDBC and batch auto-configuration, so it opens none of the batch's database
 * files (HSQLDB lets one process at a time use them) and can run for days beside the nightly runs.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class,
        DataSourceInitializationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, BatchAutoConfiguration.class,
        BatchJdbcAutoConfiguration.class })
@EnableConfigurationProperties(PortalProperties.class)
@ComponentScan
// the batch application scans the whole project: the profile keeps the portal out of it
@Profile(PortalApplication.PROFILE)
public class PortalApplication {

    /** The Spring profile of the portal; its settings are in {@code application-portal.properties}. */
    public static final String PROFILE = "portal";

}
