package app.marginalia.web.system;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Post/Redirect/Get with a one-time message shown on the page redirected to. */
public final class Flash {

    private Flash() {
    }

    public static Response redirect(String location, String message) {
        return Response.seeOther(URI.create(location))
                .cookie(Cookies.of(Cookies.FLASH, encode(message), 60, false))
                .build();
    }

    /** Base64url keeps the cookie value free of characters that cookie parsers disagree on. */
    static String encode(String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> decode(String value) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
