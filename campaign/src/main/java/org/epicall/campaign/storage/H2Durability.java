package org.epicall.campaign.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Makes every commit to an H2 database reach its file before the commit returns. H2 otherwise keeps
 * committed changes in memory for up to half a second (its WRITE_DELAY), and a {@code kill -9} in that
 * time loses claims of calls already handed to a dialer, which the restart would then place again.
 * The shipped URL says {@code WRITE_DELAY=0}; this holds for any URL a deployment or the demo sets.
 * Does nothing on other databases.
 */
@Component
public class H2Durability implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(H2Durability.class);

    private final DataSource dataSource;

    public H2Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            int delay = writeDelay(connection);
            if (delay != 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET WRITE_DELAY 0");
                }
                log.info("H2 write delay was {} ms; set to 0 so that each commit is on disk when it returns", delay);
            }
        }
    }

    /** The database's write delay in milliseconds. */
    static int writeDelay(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return setting.next() ? Integer.parseInt(setting.getString(1)) : -1;
        }
    }
}
