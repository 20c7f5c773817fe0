package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Markdown;
import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.Policy;
import app.marginalia.core.group.Role;
import app.marginalia.core.paper.FieldProblem;
import app.marginalia.core.system.RequestKey;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.group.Membership;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What every note command and read checks first: that the person may see the note (private
 * notes: only their author; group notes: only the group's members; anything else is 404), who
 * they are in its discussion, and the shared steps of saving a note's text and passage.
 */
final class NoteAccess {

    private NoteAccess() {
    }

    /** A note the user may see, and who the user is in its discussion. */
    record Visible(Annotation annotation, Actor actor) {
    }

    static Visible visibleTo(long id, SignedIn user) {
        return visibleTo(Annotation.<Annotation>findByIdOptional(id).orElseThrow(NotFoundException::new), user);
    }

    /**
     * The same for a change: the note's row is locked until commit, so concurrent changes of one
     * note run one after the other, each seeing what the previous one wrote.
     */
    static Visible lockedVisibleTo(long id, SignedIn user) {
        return visibleTo(Annotation.<Annotation>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(NotFoundException::new), user);
    }

    private static Visible visibleTo(Annotation a, SignedIn user) {
        boolean author = a.author.id.equals(user.id());
        if (a.group == null) {
            if (!author) {
                throw new NotFoundException();
            }
            // In a private discussion its author holds every right a group would share out.
            return new Visible(a, Actor.account(user.administrator(), Role.OWNER).asAuthor(true));
        }
        Membership m = Membership.find(a.group.id, user.id()).orElseThrow(NotFoundException::new);
        Annotation root = a.isRoot() ? a : Annotation.findById(a.rootId);
        boolean rootAuthor = root.author.id.equals(user.id());
        // "Author" means the note's author for edits and deletes, the thread's author for resolving.
        return new Visible(a, Actor.account(user.administrator(), m.role).asAuthor(author || (a.isRoot() && rootAuthor)));
    }

    /** The note's discussion: its group's id, or null for a private note. */
    static Long groupOf(Annotation a) {
        return a.group == null ? null : a.group.id;
    }

    static void require(Action action, Actor actor, String refusal) {
        if (!Policy.allows(action, actor)) {
            throw new ForbiddenException(refusal);
        }
    }

    /**
     * The note this person already saved with this request key: a double submit or a retry gets
     * the first note back instead of a copy. The person's account row is locked first, so two
     * racing requests with one key run one after the other and the second finds the first's note
     * (the unique constraint on the key backs this up). A key reused for a different note is refused.
     */
    static Optional<Annotation> alreadySaved(SignedIn user, String requestKey, Predicate<Annotation> sameRequest) {
        if (requestKey == null) {
            return Optional.empty();
        }
        RequestKey.problem(requestKey).ifPresent(p -> {
            throw new InvalidFormException("requestKey", p);
        });
        Account.findById(user.id(), LockModeType.PESSIMISTIC_WRITE);
        Optional<Annotation> earlier = Annotation.byRequestKey(user.id(), requestKey);
        if (earlier.isPresent() && !sameRequest.test(earlier.get())) {
            throw new UnprocessableException("This form was already used to save another note; reload the page and try again.");
        }
        return earlier;
    }

    /** The quote to store for a passage: the client's, checked against the text, or derived when it sent none. */
    static TextQuoteSelector checkedQuote(String text, TextPositionSelector position, TextQuoteSelector quote) {
        Selectors.problem(text, position, quote).ifPresent(p -> {
            throw new UnprocessableException(p);
        });
        return quote == null ? Selectors.quoteAt(text, position) : quote;
    }

    static void problems(NoteDraft note, boolean bodyRequired) {
        List<FieldProblem> problems = note.problems(bodyRequired);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
    }

    static void fill(Annotation a, NoteDraft note) {
        a.body = note.body();
        a.bodyHtml = Markdown.toSafeHtml(note.body());
        a.tags = String.join("\n", note.tags());
    }

    static void place(Annotation a, TextPositionSelector position, TextQuoteSelector quote, int version) {
        a.start = position.start();
        a.end = position.end();
        a.exact = quote.exact();
        a.prefix = quote.prefix();
        a.suffix = quote.suffix();
        a.textVersion = version;
    }
}
