package db.migration;

import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.core.document.BlockKind;
import app.marginalia.core.document.Document;
import app.marginalia.core.document.Part;
import app.marginalia.core.document.StructuredText;
import app.marginalia.core.paper.CanonicalText;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every paper's current text becomes a document (core.document.Document): an abstract-only text
 * is marked all abstract; a full text whose paper has a separate abstract that the text does not
 * already begin with gets a new version, the abstract then the old text, and every note on the
 * old version moves by the inserted length, so it stays on the same words. In Java, not SQL,
 * because offsets count code points (SQL LENGTH counts UTF-16 units on H2) and the structure and
 * quote context come from core, exactly as the application computes them.
 */
public class V11__Documents extends BaseJavaMigration {

    private record CurrentText(long paperId, String abstractText, int version, long textId, String kind,
                               String content, Long fileId) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        migrate(context.getConnection());
    }

    /** The migration on a connection, for tests that build the state before it themselves. */
    public static void migrate(Connection connection) throws SQLException {
        for (CurrentText text : currentTexts(connection)) {
            if ("ABSTRACT".equals(text.kind)) {
                setStructure(connection, text.textId, Document.of(text.content, null, BlockKind.ABSTRACT).structure());
                continue;
            }
            String abstractText = CanonicalText.of(text.abstractText);
            List<Part> body = bodyParts(text.content);
            if (abstractText.isEmpty() || text.content.equals(abstractText)
                    || text.content.startsWith(abstractText + "\n\n")) {
                // Already one document: mark the abstract the text begins with, if any, and the body.
                boolean opens = !abstractText.isEmpty();
                List<Part> parts = new ArrayList<>();
                if (opens) {
                    parts.add(Part.of(BlockKind.ABSTRACT, abstractText));
                    body = bodyParts(text.content.equals(abstractText) ? ""
                            : text.content.substring(abstractText.length() + 2));
                }
                parts.addAll(body);
                Document document = Document.compose(parts);
                setStructure(connection, text.textId, document.text().equals(text.content) ? document.structure()
                        : Document.of(text.content, null, BlockKind.PARAGRAPH).structure());
                continue;
            }
            List<Part> parts = new ArrayList<>();
            parts.add(Part.of(BlockKind.ABSTRACT, abstractText));
            parts.addAll(body);
            Document document = Document.compose(parts);
            int inserted = document.length() - CanonicalText.length(text.content);
            if (!document.text().endsWith(text.content) || inserted <= 0) {
                throw new IllegalStateException("paper " + text.paperId + ": the old text is not the new one's end");
            }
            int next = text.version + 1;
            // No layout to carry: files (and their layouts) came with V10, and texts from them are written with a structure.
            insertText(connection, text, next, document);
            moveNotes(connection, text, next, document.text(), inserted);
            try (PreparedStatement update = connection.prepareStatement(
                    "update paper set text_version = ? where id = ?")) {
                update.setInt(1, next);
                update.setLong(2, text.paperId);
                update.executeUpdate();
            }
        }
    }

    /**
     * The old full text's parts: its Markdown-style structure when reading it keeps the text as it
     * is (so notes on it need no more than the shift), otherwise plain paragraphs.
     */
    private static List<Part> bodyParts(String content) {
        List<Part> parsed = StructuredText.parse(content);
        if (Document.compose(parsed).text().equals(content)) {
            return parsed;
        }
        List<Part> plain = new ArrayList<>();
        CanonicalText.paragraphs(content).forEach(p -> plain.add(Part.of(BlockKind.PARAGRAPH, p.text())));
        return plain;
    }

    private static List<CurrentText> currentTexts(Connection connection) throws SQLException {
        List<CurrentText> texts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select p.id, p.abstract_text, p.text_version, t.id, t.kind, t.content, t.file_id from paper p "
                        + "join paper_text t on t.paper_id = p.id and t.version_no = p.text_version "
                        + "where t.structure is null order by p.id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long fileId = rs.getLong(7);
                Long file = rs.wasNull() ? null : fileId;
                texts.add(new CurrentText(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), file));
            }
        }
        return texts;
    }

    private static void setStructure(Connection connection, long textId, String structure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update paper_text set structure = ? where id = ?")) {
            update.setString(1, structure);
            update.setLong(2, textId);
            update.executeUpdate();
        }
    }

    private static void insertText(Connection connection, CurrentText old, int version, Document document)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into paper_text "
                + "(paper_id, version_no, kind, content, structure, file_id, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, old.paperId);
            insert.setInt(2, version);
            insert.setString(3, "FULL_TEXT");
            insert.setString(4, document.text());
            insert.setString(5, document.structure());
            if (old.fileId == null) {
                insert.setNull(6, java.sql.Types.BIGINT);
            } else {
                insert.setLong(6, old.fileId);
            }
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    /**
     * Every note on the old version that is not detached moves by the inserted length, with its
     * quote context taken from the new text; detached notes keep their version, as re-anchoring does.
     */
    private static void moveNotes(Connection connection, CurrentText old, int version, String text, int inserted)
            throws SQLException {
        List<long[]> notes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, start_pos, end_pos from annotation "
                + "where paper_id = ? and text_version = ? and detached = ? and start_pos is not null")) {
            select.setLong(1, old.paperId);
            select.setInt(2, old.version);
            select.setBoolean(3, false);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    notes.add(new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)});
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update annotation set start_pos = ?, end_pos = ?, "
                + "quote_exact = ?, quote_prefix = ?, quote_suffix = ?, text_version = ? where id = ?")) {
            for (long[] note : notes) {
                int start = (int) note[1] + inserted;
                int end = (int) note[2] + inserted;
                TextQuoteSelector quote = Selectors.quoteAt(text, new TextPositionSelector(start, end));
                update.setInt(1, start);
                update.setInt(2, end);
                update.setString(3, quote.exact());
                update.setString(4, quote.prefix());
                update.setString(5, quote.suffix());
                update.setInt(6, version);
                update.setLong(7, note[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
