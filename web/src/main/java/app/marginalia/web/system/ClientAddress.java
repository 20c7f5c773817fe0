package app.marginalia.web.system;

import io.vertx.core.http.HttpServerRequest;

/** The client's address as per-address limits see it. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The peer address as Vert.x resolved it: the forwarded one only when the peer is one of
     * {@code quarkus.http.proxy.trusted-proxies}, else the connection's own.
     */
    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }
}
