package app.marginalia.web.system;

import app.marginalia.persistence.account.Account;
import app.marginalia.web.Visitor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The counters {@link IdentityCounters} repairs are H2's: those tests run on H2 only (rewinding a
 * PostgreSQL sequence as they do would break every later test of that suite). On PostgreSQL a
 * sequence is logged before it hands out a value, and the PostgreSQL suite checks that nothing is
 * touched there.
 */
@QuarkusTest
class IdentityCountersTest {

    @Inject
    IdentityCounters counters;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldLeavePostgresqlSequencesAlone() throws SQLException {
        assumeTrue(!onH2(), "the PostgreSQL suite checks this");
        assertEquals(0, counters.advance());
    }

    @Test
    void shouldNeverHandOutAnIdOfAnExistingRowAfterH2LostItsCounter() throws SQLException {
        assumeTrue(onH2(), "identity counters are repaired on H2 only");
        Visitor.register("before");
        long highest = maxAccountId();
        // What a kill can leave behind on H2: the recorded counter below rows already committed.
        execute("ALTER TABLE account ALTER COLUMN id RESTART WITH 1");

        counters.advance();

        Visitor after = Visitor.register("after");
        long id = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(after.username).orElseThrow().id);
        assertTrue(id > highest, "new account got id " + id + ", not above " + highest);
    }

    @Test
    void shouldOnlyMoveCountersForward() throws SQLException {
        assumeTrue(onH2(), "identity counters are repaired on H2 only");
        Visitor.register("counted");
        long highest = maxAccountId();
        counters.advance();
        long next = identityBase();
        counters.advance();
        assertTrue(next > highest, "counter " + next + " not past the highest id " + highest);
        assertTrue(identityBase() >= next, "a second start must not move the counter back");
    }

    private boolean onH2() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equals(c.getMetaData().getDatabaseProductName());
        }
    }

    private long maxAccountId() throws SQLException {
        return single("SELECT COALESCE(MAX(id), 0) FROM account");
    }

    private long identityBase() throws SQLException {
        return single("SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'ACCOUNT' AND COLUMN_NAME = 'ID'");
    }

    private long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
