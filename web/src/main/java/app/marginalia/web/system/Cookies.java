package app.marginalia.web.system;

import jakarta.ws.rs.core.NewCookie;

/** The cookies Marginalia sets: all HttpOnly and SameSite=Lax, Secure when served over HTTPS. */
public final class Cookies {

    public static final String SESSION = "mg_session";
    public static final String CSRF = "mg_csrf";
    public static final String FLASH = "mg_flash";

    private Cookies() {
    }

    static NewCookie of(String name, String value, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAgeSeconds).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie expired(String name, boolean secure) {
        return of(name, "", 0, secure);
    }
}
