package org.epicall.campaign.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * An H2 trigger that fails the insert of one chosen roster line, once: the database going away in
 * the middle of an import, as far as the import can tell.
 */
public final class CrashOnceTrigger implements Trigger {

    /** Roster line whose insert fails; 0 disarms the trigger. */
    public static final AtomicInteger CRASH_AT_LINE = new AtomicInteger();

    private int lineColumn;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (var rs = conn.getMetaData().getColumns(null, schema, table, "LINE_NUMBER")) {
            rs.next();
            lineColumn = rs.getInt("ORDINAL_POSITION") - 1;
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        int line = ((Number) newRow[lineColumn]).intValue();
        if (line == CRASH_AT_LINE.get() && CRASH_AT_LINE.compareAndSet(line, 0)) {
            throw new SQLException("simulated crash while inserting roster line " + line);
        }
    }
}
