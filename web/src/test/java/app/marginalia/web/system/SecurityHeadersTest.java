package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SecurityHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"/papers", "/login", "/css/app.css", "/api/papers", "/no-such-page"})
    void shouldSendTheSecurityHeadersOnEveryResponse(String path) {
        given().redirects().follow(false).get(path).then()
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline"))))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/papers", "/login", "/register", "/groups/new"})
    void shouldRenderNoInlineScript(String path) {
        Document page = Visitor.register("csp").html(path);
        assertEquals(List.of(), outer(page.select("script:not([src])")), "inline script on " + path);
        assertEquals(List.of(), outer(page.select("[^on]")), "inline event handler on " + path);
    }

    private static List<String> outer(Elements elements) {
        return elements.stream().map(Element::outerHtml).toList();
    }
}
