package app.marginalia.web.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * On the embedded H2 database, moves every identity counter past every id it may have handed
 * out before the application stopped, before anything else runs, so no id is given twice.
 * <p>
 * H2 keeps an identity counter apart from the rows: it reserves ids in blocks (the column's
 * cache, 32) and records a new block's end in an internal commit of its own, made by whichever
 * session crossed into the block — while other sessions already commit rows with ids from it.
 * After a {@code kill -9} the recorded counter can be behind committed rows: new rows then get
 * ids of existing ones (seen in the crash test: primary-key violations on {@code activity}).
 * The counter can be ahead of its record by at most one block per session that was waiting to
 * record one (each waits inside that step), so moving it past the highest id and a block per
 * possible session beyond the recorded value covers every id ever handed out, even of rows
 * since deleted. Ids are not dense anyway; the gap after each start costs nothing (a table that
 * never had a row is left alone, so a new installation's ids start at 1).
 * <p>
 * PostgreSQL writes a sequence's advance to its log before handing out the value, and a commit
 * flushes the log, so nothing is needed there.
 */
@ApplicationScoped
public class IdentityCounters {

    /** H2's own sessions beside the pool's: the system session that records counters, and the LOB session. */
    private static final int INTERNAL_SESSIONS = 2;

    private final AgroalDataSource dataSource;
    private final int poolSize;

    IdentityCounters(AgroalDataSource dataSource,
                     @ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "20") int poolSize) {
        this.dataSource = dataSource;
        this.poolSize = poolSize;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        advance();
    }

    /** Moves the counters on (H2 only); returns how many identity columns it moved. */
    public int advance() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return 0;
            }
            List<String> statements = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet columns = st.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, IDENTITY_BASE, "
                         + "IDENTITY_CACHE, IDENTITY_START FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' "
                         + "AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (columns.next()) {
                    String table = quote(columns.getString(1)) + "." + quote(columns.getString(2));
                    String column = quote(columns.getString(3));
                    long recorded = columns.getLong(4);
                    long block = Math.max(1, columns.getLong(5));
                    long highest = highest(connection, table, column);
                    if (highest == 0 && recorded == columns.getLong(6)) {
                        continue; // a table that never had a row: a new installation keeps its ids from 1
                    }
                    long next = Math.max(highest + 1, recorded + block * (poolSize + INTERNAL_SESSIONS + 1));
                    statements.add("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
                }
            }
            try (Statement st = connection.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            Log.debugf("Moved %d identity counters past the ids they may have handed out", statements.size());
            return statements.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the identity counters on", e);
        }
    }

    private static long highest(Connection connection, String table, String column) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet max = st.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table)) {
            max.next();
            return max.getLong(1);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
