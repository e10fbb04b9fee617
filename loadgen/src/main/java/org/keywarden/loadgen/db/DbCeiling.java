package org.keywarden.loadgen.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Inserts rows shaped like Keywarden's {@code recovery_key} (ids, prefix, a sealed password of
 * {@value #VALUE_BYTES} random bytes, state, time) into a scratch table {@value #TABLE} with plain
 * JDBC: first committing every {@code batch} rows ({@link PreparedStatement#executeBatch()}), then
 * committing every row on its own. {@code concurrency} threads insert, each on its own connection.
 * Each mode stops after {@code rows} rows or {@code maxSeconds}, whichever comes first. The table is
 * dropped (if left over), created before each mode, and dropped at the end.
 *
 * <pre>{@code
 * DbCeiling.Result r = new DbCeiling(new DbCeiling.Settings(url, user, password, 10_000, 100, 4, 30)).run();
 * double perRowCommit = r.perRow().rowsPerSecond();
 * }</pre>
 */
public final class DbCeiling {
    /** The scratch table; dropped if it exists. */
    public static final String TABLE = "bench_ceiling";
    /** Size of the binary value, about that of a sealed recovery password. */
    public static final int VALUE_BYTES = 770;

    /**
     * @param jdbcUrl     where (H2: {@code jdbc:h2:file:DIR/bench;WRITE_DELAY=0}, like the server's)
     * @param rows        rows to insert in each mode (an upper bound when {@code maxSeconds} is set)
     * @param batch       rows per commit in the batched mode
     * @param concurrency inserting threads, one connection each
     * @param maxSeconds  time limit of each mode, 0 = none
     */
    public record Settings(String jdbcUrl, String user, String password, long rows, int batch, int concurrency,
                           double maxSeconds) {
        public Settings {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (rows < 1 || batch < 1 || concurrency < 1 || maxSeconds < 0) {
                throw new IllegalArgumentException("rows, batch and concurrency must be positive, maxSeconds >= 0");
            }
        }

        @Override
        public String toString() {  // no password
            return "Settings[rows=" + rows + ", batch=" + batch + ", concurrency=" + concurrency
                    + ", maxSeconds=" + maxSeconds + "]";
        }
    }

    /** How one mode went: rows inserted and committed, commits, and the time from first insert to last commit. */
    public record Mode(String name, long rows, long commits, double seconds) {
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    /**
     * @param database product name and version
     * @param batched  {@code batch} rows per commit
     * @param perRow   one commit per row
     */
    public record Result(String database, String driver, Mode batched, Mode perRow) {
    }

    private final Settings settings;

    public DbCeiling(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @throws SQLException from the database (the table is still dropped when possible)
     */
    public Result run() throws SQLException, InterruptedException {
        String database;
        String driver;
        String binaryType;
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            database = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
            driver = md.getDriverName() + " " + md.getDriverVersion();
            binaryType = binaryType(md.getDatabaseProductName());
        }
        try {
            recreate(binaryType);
            Mode batched = insert("batch of " + settings.batch(), settings.batch());
            recreate(binaryType);
            Mode perRow = insert("per-row commit", 1);
            return new Result(database, driver, batched, perRow);
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }

    /** The column type of a binary value of up to a few kilobytes. */
    static String binaryType(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return "BYTEA";
        }
        if (p.contains("microsoft") || p.contains("sql server")) {
            return "VARBINARY(MAX)";
        }
        return p.contains("h2") ? "VARBINARY(1000000)" : "VARBINARY(4000)";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private void recreate(String binaryType) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " ("
                    + "recovery_key_id VARCHAR(36) NOT NULL, "
                    + "key_id_prefix VARCHAR(8) NOT NULL, "
                    + "device_id VARCHAR(36) NOT NULL, "
                    + "volume_id VARCHAR(36) NOT NULL, "
                    + "recovery_password " + binaryType + " NOT NULL, "
                    + "state VARCHAR(16) NOT NULL, "
                    + "escrowed_at TIMESTAMP NOT NULL, "
                    + "CONSTRAINT pk_" + TABLE + " PRIMARY KEY (recovery_key_id))");
            s.execute("CREATE INDEX ix_" + TABLE + "_prefix ON " + TABLE + " (key_id_prefix)");
            s.execute("CREATE INDEX ix_" + TABLE + "_device ON " + TABLE + " (device_id)");
        }
    }

    /** Inserts with {@code perCommit} rows per commit on {@code concurrency} connections. */
    private Mode insert(String name, int perCommit) throws SQLException, InterruptedException {
        AtomicLong unclaimed = new AtomicLong(settings.rows());
        AtomicLong rows = new AtomicLong();
        AtomicLong commits = new AtomicLong();
        AtomicReference<SQLException> failure = new AtomicReference<>();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < settings.concurrency(); i++) {
                Connection c = connect();
                connections.add(c);
                c.setAutoCommit(false);
            }
            long start = System.nanoTime();
            long deadline = settings.maxSeconds() > 0 ? start + (long) (settings.maxSeconds() * 1e9) : Long.MAX_VALUE;
            AtomicLong lastCommit = new AtomicLong(start);
            List<Thread> threads = new ArrayList<>();
            for (Connection c : connections) {
                Thread t = new Thread(() -> {
                    try {
                        insertLoop(c, perCommit, deadline, unclaimed, rows, commits, lastCommit, failure);
                    } catch (SQLException e) {
                        failure.compareAndSet(null, e);
                    }
                }, "db-ceiling-" + threads.size());
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return new Mode(name, rows.get(), commits.get(), (lastCommit.get() - start) / 1e9);
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // already failing or done
                }
            }
        }
    }

    private static void insertLoop(Connection c, int perCommit, long deadline, AtomicLong unclaimed, AtomicLong rows,
                                   AtomicLong commits, AtomicLong lastCommit, AtomicReference<SQLException> failure)
            throws SQLException {
        String sql = "INSERT INTO " + TABLE + " (recovery_key_id, key_id_prefix, device_id, volume_id, "
                + "recovery_password, state, escrowed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String deviceId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            while (failure.get() == null && System.nanoTime() - deadline < 0) {
                long claimed = claim(unclaimed, perCommit);
                if (claimed == 0) {
                    return;
                }
                for (long i = 0; i < claimed; i++) {
                    String keyId = new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT);
                    byte[] sealed = new byte[VALUE_BYTES];
                    random.nextBytes(sealed);
                    insert.setString(1, keyId);
                    insert.setString(2, keyId.substring(0, 8));
                    insert.setString(3, deviceId);
                    insert.setString(4, new UUID(random.nextLong(), random.nextLong()).toString());
                    insert.setBytes(5, sealed);
                    insert.setString(6, "ACTIVE");
                    insert.setTimestamp(7, Timestamp.from(Instant.now()));
                    if (perCommit == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (perCommit > 1) {
                    insert.executeBatch();
                }
                c.commit();
                rows.addAndGet(claimed);
                commits.incrementAndGet();
                lastCommit.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }
    }

    /** Takes up to {@code n} rows from the budget; 0 when it is used up. */
    private static long claim(AtomicLong unclaimed, int n) {
        while (true) {
            long left = unclaimed.get();
            if (left <= 0) {
                return 0;
            }
            long take = Math.min(left, n);
            if (unclaimed.compareAndSet(left, left - take)) {
                return take;
            }
        }
    }
}
