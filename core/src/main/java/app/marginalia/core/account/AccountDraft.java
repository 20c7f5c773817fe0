package app.marginalia.core.account;

import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A registration as typed: canonicalised here, with every rule it breaks in {@link #problems()}. */
public record AccountDraft(String displayName, String username, String email, String password) {

    public static final int DISPLAY_NAME_MAX = 80;
    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 40;
    public static final int EMAIL_MAX = 254;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    /** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public AccountDraft {
        displayName = CanonicalText.singleLine(displayName);
        username = CanonicalText.singleLine(username).toLowerCase(Locale.ROOT);
        email = CanonicalText.singleLine(email).toLowerCase(Locale.ROOT);
        password = password == null ? "" : password;
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (displayName.isEmpty()) {
            problems.add(new FieldProblem("displayName", "Tell the group what to call you."));
        } else if (displayName.length() > DISPLAY_NAME_MAX) {
            problems.add(new FieldProblem("displayName", "The name is longer than " + DISPLAY_NAME_MAX + " characters."));
        }
        if (username.length() < USERNAME_MIN || username.length() > USERNAME_MAX || !USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "A username is " + USERNAME_MIN + " to " + USERNAME_MAX
                    + " characters: letters, digits, and . _ - (not first)."));
        }
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "Enter an email address such as ada@example.org."));
        }
        PasswordRules.problem(password).ifPresent(m -> problems.add(new FieldProblem("password", m)));
        return problems;
    }
}
