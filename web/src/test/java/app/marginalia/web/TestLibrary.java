package app.marginalia.web;

import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperOrigin;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Keeps the shared test library as the seed import made it, for the tests that count papers. */
public final class TestLibrary {

    private TestLibrary() {
    }

    /** Deletes every paper a test added by hand (with its text, origins and list entries). */
    public static void removeAddedPapers() {
        QuarkusTransaction.requiringNew().run(() -> Paper.delete(
                "id in (select o.paper.id from PaperOrigin o where o.kind = ?1)", PaperOrigin.Kind.MANUAL));
    }
}
