package app.marginalia.persistence.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes {@link SearchBenchmark#corpus the search benchmark's papers and notes} into an
 * application database, for {@code scripts/bench-search-http.sh}: the database must be migrated
 * and hold the member's account ({@code user7}, registered through the application), and the
 * application must be stopped. Papers and notes keep their ids; group {@code g} is named
 * "Group g", as in the in-process benchmark, so {@code group:3} finds the same group by its name
 * (its id is {@value #GROUP_BASE} + g). The example group the first start made is deleted: the
 * member belongs to five groups.
 * <p>
 * The note's kind and thread state come from its rows, as the application decides them: a
 * question is open, answered (an answer is set) or resolved; a note is unresolved or resolved;
 * a "highlight" with words is a note; a "reply" replies to the last thread on its paper in its
 * group (a thread of its own when there is none, or when it is private).
 * <p>
 * Usage: {@code java -cp … SearchBenchmarkDatabase <jdbc-url> <user>} (JDBC driver on the classpath).
 */
public final class SearchBenchmarkDatabase {

    static final long GROUP_BASE = 1000;
    private static final long ACCOUNT_BASE = 1000;
    private static final int BATCH = 2000;

    private SearchBenchmarkDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SearchBenchmarkDatabase <jdbc-url> <user>");
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0], args[1], "")) {
            c.setAutoCommit(false);
            load(c);
            c.commit();
        }
        System.out.printf("Loaded %,d papers and %,d notes into the database in %.1f s%n", SearchBenchmark.PAPERS,
                SearchBenchmark.NOTES, (System.nanoTime() - started) / 1e9);
    }

    private static void load(Connection c) throws SQLException {
        long member;
        try (PreparedStatement s = c.prepareStatement("select id from account where username = ?")) {
            s.setString(1, "user" + SearchBenchmark.MEMBER);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("Register user" + SearchBenchmark.MEMBER + " first");
                }
                member = r.getLong(1);
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from reading_group");
        }
        try (PreparedStatement s = c.prepareStatement("insert into account (id, username, display_name, email, "
                + "password_hash, administrator, created_at, updated_at, version) values (?, ?, ?, ?, ?, false, ?, ?, 0)")) {
            for (int p = 0; p < SearchBenchmark.PEOPLE; p++) {
                if (p == SearchBenchmark.MEMBER) {
                    continue;
                }
                s.setLong(1, ACCOUNT_BASE + p);
                s.setString(2, "user" + p);
                s.setString(3, "Person " + p);
                s.setString(4, "user" + p + "@bench.example.org");
                s.setString(5, "-"); // nobody signs in as them
                s.setTimestamp(6, now);
                s.setTimestamp(7, now);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into reading_group (id, name, description, time_zone, "
                + "created_at, updated_at, version) values (?, ?, '', 'UTC', ?, ?, 0)")) {
            for (int g = 0; g < SearchBenchmark.GROUPS; g++) {
                s.setLong(1, groupId(g));
                s.setString(2, "Group " + g);
                s.setTimestamp(3, now);
                s.setTimestamp(4, now);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into membership (group_id, account_id, role, joined_at) "
                + "values (?, ?, 'MEMBER', ?)")) {
            for (int g : SearchBenchmark.MEMBER_GROUPS) {
                s.setLong(1, groupId(g));
                s.setLong(2, member);
                s.setTimestamp(3, now);
                s.addBatch();
            }
            s.executeBatch();
        }
        Random random = new Random(7);
        try (PreparedStatement paper = c.prepareStatement("insert into paper (id, title, title_key, title_provisional, "
                + "authors, authors_truncated, organisations, fingerprint, text_version, created_at, updated_at, version) "
                + "values (?, ?, ?, false, ?, false, '', ?, 1, ?, ?, 0)");
             PreparedStatement text = c.prepareStatement("insert into paper_text (paper_id, version_no, kind, content, "
                     + "created_at) values (?, 1, 'FULL_TEXT', ?, ?)");
             PreparedStatement note = c.prepareStatement("insert into annotation (id, paper_id, text_version, group_id, "
                     + "author_id, root_id, parent_id, ancestors, motivation, quote_exact, body, body_html, tags, resolved, "
                     + "answer_id, deleted, created_at, updated_at, version) "
                     + "values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, 0)")) {
            int[] pending = {0, 0};
            Map<String, Long> lastThread = new HashMap<>();
            Set<Long> threads = new HashSet<>();
            SearchBenchmark.corpus(p -> {
                try {
                    Timestamp at = Timestamp.from(p.updatedAt());
                    paper.setLong(1, p.id());
                    paper.setString(2, p.title());
                    String key = p.title().toLowerCase(Locale.ROOT);
                    paper.setString(3, key.substring(0, Math.min(255, key.length())));
                    paper.setString(4, p.authors().replace(", ", "\n"));
                    byte[] fingerprint = new byte[32];
                    random.nextBytes(fingerprint);
                    paper.setString(5, HexFormat.of().formatHex(fingerprint));
                    paper.setTimestamp(6, at);
                    paper.setTimestamp(7, at);
                    paper.addBatch();
                    text.setLong(1, p.id());
                    text.setString(2, p.text());
                    text.setTimestamp(3, at);
                    text.addBatch();
                    if (++pending[0] == BATCH) {
                        paper.executeBatch();
                        text.executeBatch();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, n -> {
                try {
                    if (pending[0] > 0) {
                        paper.executeBatch();
                        text.executeBatch();
                        pending[0] = 0;
                    }
                    Timestamp at = Timestamp.from(n.createdAt());
                    String place = n.paperId() + "/" + n.groupId();
                    Long root = n.kind().equals("reply") && n.groupId() != null ? lastThread.get(place) : null;
                    String motivation = root != null ? "REPLYING"
                            : n.kind().equals("question") ? "QUESTIONING"
                            : n.kind().equals("highlight") ? "HIGHLIGHTING" : "COMMENTING";
                    note.setLong(1, n.id());
                    note.setLong(2, n.paperId());
                    if (n.groupId() == null) {
                        note.setNull(3, java.sql.Types.BIGINT);
                    } else {
                        note.setLong(3, groupId(n.groupId()));
                    }
                    note.setLong(4, n.authorId() == SearchBenchmark.MEMBER ? member : ACCOUNT_BASE + n.authorId());
                    if (root == null) {
                        note.setNull(5, java.sql.Types.BIGINT);
                        note.setNull(6, java.sql.Types.BIGINT);
                        note.setNull(7, java.sql.Types.VARCHAR);
                        lastThread.put(place, n.id());
                        threads.add(n.id());
                    } else {
                        note.setLong(5, root);
                        note.setLong(6, root);
                        note.setString(7, "/" + root + "/");
                    }
                    note.setString(8, motivation);
                    note.setString(9, n.quote());
                    note.setString(10, n.body());
                    note.setString(11, "<p>" + n.body() + "</p>");
                    note.setString(12, String.join("\n", n.tags()));
                    note.setBoolean(13, root == null && n.state().equals("resolved"));
                    if (root == null && motivation.equals("QUESTIONING") && n.state().equals("answered")) {
                        note.setLong(14, n.id());
                    } else {
                        note.setNull(14, java.sql.Types.BIGINT);
                    }
                    note.setTimestamp(15, at);
                    note.setTimestamp(16, at);
                    note.addBatch();
                    if (++pending[1] == BATCH) {
                        note.executeBatch();
                        pending[1] = 0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (pending[1] > 0) {
                note.executeBatch();
            }
            System.out.printf("%,d threads, %,d replies%n", threads.size(), SearchBenchmark.NOTES - threads.size());
        }
        try (Statement s = c.createStatement()) {
            // Later rows, written by the application, take ids after these.
            s.execute("alter table account alter column id restart with " + (ACCOUNT_BASE + SearchBenchmark.PEOPLE));
            s.execute("alter table reading_group alter column id restart with " + (GROUP_BASE + SearchBenchmark.GROUPS));
            s.execute("alter table paper alter column id restart with " + (SearchBenchmark.PAPERS + 1));
            s.execute("alter table annotation alter column id restart with " + (SearchBenchmark.NOTES + 1));
        }
    }

    private static long groupId(long g) {
        return GROUP_BASE + g;
    }
}
