package app.marginalia.core.account;

import app.marginalia.core.paper.FieldProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AccountDraftTest {

    @Test
    void shouldAcceptAndCanonicaliseAGoodRegistration() {
        AccountDraft draft = new AccountDraft(" Ada  Lovelace ", " Ada.L ", "Ada@Example.org", "analytical-engine");
        assertEquals(List.of(), draft.problems());
        assertEquals("Ada Lovelace", draft.displayName());
        assertEquals("ada.l", draft.username());
        assertEquals("ada@example.org", draft.email());
    }

    @Test
    void shouldNameEveryBrokenRule() {
        List<FieldProblem> problems = new AccountDraft("", "-x", "not-an-email", "short").problems();
        assertEquals(List.of("displayName", "username", "email", "password"),
                problems.stream().map(FieldProblem::field).toList());
        assertEquals("Choose a password of at least 10 characters.", problems.get(3).message());
    }

    @Test
    void shouldHashLongPassphrasesWhole() {
        String prefix = "x".repeat(80);
        assertNotEquals(PasswordRules.prehash(prefix + "a"), PasswordRules.prehash(prefix + "b"));
        assertEquals(44, PasswordRules.prehash(prefix).length());
        assertEquals("A password can be at most 200 characters.", PasswordRules.problem("p".repeat(201)).orElseThrow());
    }
}
