package org.epicall.campaign.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * The child process of {@link H2DurabilityTest}: commits one row after another into the database at the
 * URL given, printing each number once its commit has returned, until it is killed.
 */
public final class CommitThenPrint {

    private CommitThenPrint() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            connection.createStatement().execute("CREATE TABLE committed (n INT PRIMARY KEY, padding VARCHAR(200))");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO committed VALUES (?, ?)")) {
                for (int n = 1; ; n++) {
                    insert.setInt(1, n);
                    insert.setString(2, "x".repeat(200));
                    insert.executeUpdate();
                    connection.commit();
                    System.out.println("committed " + n);
                    System.out.flush();
                }
            }
        }
    }
}
