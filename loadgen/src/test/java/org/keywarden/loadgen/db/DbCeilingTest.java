package org.keywarden.loadgen.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCeilingTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("bench") + ";WRITE_DELAY=0";
    }

    @Test
    void insertsBatchedAndPerRowThenDropsTheTable() throws Exception {
        DbCeiling.Result r = new DbCeiling(new DbCeiling.Settings(url(), "sa", "sa", 300, 40, 3, 0)).run();
        assertTrue(r.database().startsWith("H2 "), r.database());
        assertEquals(300, r.batched().rows());
        assertEquals(8, r.batched().commits(), "7 full batches of 40 and one of 20");
        assertEquals(300, r.perRow().rows());
        assertEquals(300, r.perRow().commits(), "one commit per row");
        assertTrue(r.batched().rowsPerSecond() > 0 && r.perRow().rowsPerSecond() > 0);
        assertFalse(tableExists(), "dropped at the end");
    }

    @Test
    void aLeftoverTableOfAnotherShapeIsReplaced() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "sa", "sa"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + DbCeiling.TABLE + " (x INT)");
            s.execute("INSERT INTO " + DbCeiling.TABLE + " VALUES (1)");
        }
        DbCeiling.Result r = new DbCeiling(new DbCeiling.Settings(url(), "sa", "sa", 5, 5, 1, 0)).run();
        assertEquals(5, r.batched().rows());
        assertEquals(1, r.batched().commits());
        assertEquals(5, r.perRow().rows());
        assertFalse(tableExists());
    }

    @Test
    void binaryColumnTypePerDatabase() {
        assertEquals("VARBINARY(1000000)", DbCeiling.binaryType("H2"));
        assertEquals("BYTEA", DbCeiling.binaryType("PostgreSQL"));
        assertEquals("VARBINARY(MAX)", DbCeiling.binaryType("Microsoft SQL Server"));
    }

    @Test
    void aTimeLimitStopsEachMode() throws Exception {
        long start = System.nanoTime();
        DbCeiling.Result r = new DbCeiling(new DbCeiling.Settings(url(), "sa", "sa", 100_000_000, 10, 2, 0.5)).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 20, "took " + seconds);
        assertTrue(r.perRow().rows() > 0 && r.perRow().rows() < 100_000_000);
        assertTrue(r.perRow().seconds() < 2, "per-row mode ran " + r.perRow().seconds() + " s");
        assertTrue(r.batched().seconds() < 2, "batched mode ran " + r.batched().seconds() + " s");
        assertEquals(r.perRow().rows(), r.perRow().commits());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new DbCeiling.Settings(url(), "sa", "sa", 0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DbCeiling.Settings(url(), "sa", "sa", 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DbCeiling.Settings(url(), "sa", "sa", 1, 1, 0, 0));
        assertFalse(new DbCeiling.Settings(url(), "sa", "secret-pw", 1, 1, 1, 0).toString().contains("secret-pw"));
    }

    @Test
    void aDatabaseErrorIsThrown() throws Exception {
        new DbCeiling(new DbCeiling.Settings(url(), "sa", "sa", 1, 1, 1, 0)).run();  // creates the file for sa
        assertThrows(SQLException.class,
                () -> new DbCeiling(new DbCeiling.Settings(url(), "sa", "wrong", 1, 1, 1, 0)).run());
    }

    private boolean tableExists() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "sa", "sa");
             ResultSet rs = c.getMetaData().getTables(null, null, DbCeiling.TABLE.toUpperCase(), null)) {
            return rs.next();
        }
    }
}
