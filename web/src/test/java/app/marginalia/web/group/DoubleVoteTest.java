package app.marginalia.web.group;

import app.marginalia.web.Concurrently;
import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A vote button pressed several times before the page reloads counts once; none of the presses fails. */
@QuarkusTest
class DoubleVoteTest {

    private static final int PRESSES = 8;

    @Test
    void shouldCountOneVoteWhenTheVoteFormIsSubmittedManyTimesAtOnce() {
        GroupFixture g = new GroupFixture();
        String entry = g.propose(g.member);
        assertEquals("true", voteForm(g.owner, g, entry).select("input[name=cast]").val(), "the button casts");
        List<Response> answers = press(g.owner, g, entry, "true");
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 303), Concurrently.statuses(answers).toString());
        assertEquals("1 vote", votes(g, entry));
        assertEquals("false", voteForm(g.owner, g, entry).select("input[name=cast]").val(), "now the button takes back");
        List<Response> back = press(g.owner, g, entry, "false");
        assertTrue(back.stream().allMatch(r -> r.statusCode() == 303), Concurrently.statuses(back).toString());
        assertEquals("0 votes", votes(g, entry));
    }

    @Test
    void shouldTakeRacingTogglesOneAfterTheOther() {
        GroupFixture g = new GroupFixture();
        String entry = g.propose(g.member);
        Visitor browser = g.moderator.copy();
        List<Response> answers = Concurrently.times(PRESSES - 1,
                () -> browser.copy().post("/groups/" + g.id + "/list/" + entry + "/vote"));
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 303), Concurrently.statuses(answers).toString());
        assertEquals("1 vote", votes(g, entry), "an odd number of toggles casts the vote");
    }

    private static List<Response> press(Visitor who, GroupFixture g, String entry, String cast) {
        Visitor browser = who.copy();
        return Concurrently.times(PRESSES, () -> browser.copy().post("/groups/" + g.id + "/list/" + entry + "/vote",
                "cast", cast));
    }

    private static Element voteForm(Visitor who, GroupFixture g, String entry) {
        return Jsoup.parse(who.get("/groups/" + g.id).asString())
                .selectFirst("form[action=/groups/" + g.id + "/list/" + entry + "/vote]");
    }

    private static String votes(GroupFixture g, String entry) {
        return Jsoup.parse(g.member.get("/groups/" + g.id).asString()).select("#entry-" + entry + " .vote-count").text();
    }
}
