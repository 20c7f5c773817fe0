package app.marginalia.web.tracking;

import app.marginalia.persistence.account.Account;
import app.marginalia.web.Visitor;
import app.marginalia.web.tracking.LiveEventsTest.Listener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session that ends takes its live streams with it: they are told to reconnect, and cannot. */
@QuarkusTest
class RevokedSessionStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void shouldEndTheStreamsOfEverySessionSignedOutEverywhere() {
        Visitor laptop = Visitor.register("streamer");
        Visitor phone = Visitor.signIn(laptop.username, Visitor.PASSWORD);
        try (Listener stream = new Listener(phone, "")) {
            assertTrue(stream.await(WAIT, "event:hello"), stream.lines.toString());
            laptop.post("/account/sign-out-everywhere").then().statusCode(303);
            assertTrue(stream.await(WAIT, "event:reconnect"), "told to reconnect: " + stream.lines);
        }
        assertEquals(401, status(phone));
    }

    @Test
    void shouldEndTheStreamsOfAnAccountAnAdministratorDisables() {
        Visitor admin = Visitor.register("warden");
        QuarkusTransaction.requiringNew().run(() -> Account.findByUsername(admin.username).orElseThrow().administrator = true);
        Visitor target = Visitor.register("troll");
        long targetId = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(target.username).orElseThrow().id);
        try (Listener stream = new Listener(target, "")) {
            assertTrue(stream.await(WAIT, "event:hello"), stream.lines.toString());
            admin.post("/admin/accounts/" + targetId + "/disable", "confirm", "true").then().statusCode(303);
            assertTrue(stream.await(WAIT, "event:reconnect"), "told to reconnect: " + stream.lines);
        }
        assertEquals(401, status(target));
    }

    private static int status(Visitor visitor) {
        HttpResponse<Stream<String>> response = visitor.events("");
        response.body().close();
        return response.statusCode();
    }
}
