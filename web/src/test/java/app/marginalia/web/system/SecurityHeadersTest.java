package app.marginalia.web.system;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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
        String html = app.marginalia.web.Visitor.register("csp").get(path).asString();
        org.junit.jupiter.api.Assertions.assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"),
                "inline script on " + path);
        org.junit.jupiter.api.Assertions.assertFalse(html.contains(" onclick="), path);
    }
}
