package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.ReactionKind;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.Reaction;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.paper.Paper;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Many notes on a discussion's paper written straight into the database, for budgets that need
 * hundreds of them (statements, bytes): threads by three members at spread-out passages of
 * {@code quoteLength} characters, replies to the latest thread, a reaction on every fifth note.
 * They bypass the commands, so no event moves the page version: tests advance it themselves.
 */
public final class SeededNotes {

    private SeededNotes() {
    }

    /** {@code threads} threads, then {@code replies} replies spread over them; bodies from {@code body}. */
    public static void seed(Discussion d, int threads, int replies, int quoteLength, IntFunction<String> body) {
        QuarkusTransaction.requiringNew().run(() -> {
            Paper paper = Paper.findById(Long.valueOf(d.paperId));
            ReadingGroup group = ReadingGroup.findById(Long.valueOf(d.g.id));
            Account[] authors = {Account.findByUsername(d.g.owner.username).orElseThrow(),
                    Account.findByUsername(d.g.member.username).orElseThrow(),
                    Account.findByUsername(d.g.moderator.username).orElseThrow()};
            int length = d.text.codePointCount(0, d.text.length());
            List<Annotation> roots = new ArrayList<>();
            for (int i = 0; i < threads + replies; i++) {
                Annotation a = annotation(paper, group, authors[i % 3], body.apply(i));
                if (i < threads) {
                    a.start = (int) ((long) i * (length - quoteLength) / Math.max(1, threads));
                    a.end = a.start + quoteLength;
                    a.exact = d.text.substring(a.start, a.end);
                    a.prefix = "";
                    a.suffix = "";
                    roots.add(a);
                } else {
                    Annotation parent = roots.get((i * 7) % roots.size());
                    a.motivation = Motivation.REPLYING;
                    a.rootId = parent.id;
                    a.parentId = parent.id;
                    a.ancestors = "/" + parent.id + "/";
                }
                a.persist();
                if (i % 5 == 0) {
                    Reaction r = new Reaction();
                    r.annotationId = a.id;
                    r.accountId = authors[(i + 1) % 3].id;
                    r.kind = ReactionKind.AGREE;
                    r.createdAt = Instant.now();
                    r.persist();
                }
            }
        });
    }

    private static Annotation annotation(Paper paper, ReadingGroup group, Account author, String body) {
        Annotation a = new Annotation();
        a.paper = paper;
        a.textVersion = paper.textVersion;
        a.group = group;
        a.author = author;
        a.motivation = Motivation.COMMENTING;
        a.body = body;
        a.bodyHtml = "<p>" + body + "</p>";
        a.tags = "";
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        return a;
    }
}
