package app.marginalia.web.importing;

/**
 * The server could not get an answer from an outside service: no connection (offline, DNS,
 * refused), no answer in time, or an answer that was an error. Shown as 502, or 504 for a timeout.
 */
public class Unreachable extends RuntimeException {

    private final boolean timeout;

    Unreachable(String message, boolean timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** The page's plain statement when the network is the problem. */
    static Unreachable offline(String host, boolean timeout) {
        return new Unreachable("Marginalia could not reach " + host + " from the server"
                + (timeout ? " in time" : "") + ". Is the server offline? "
                + "You can still add the paper by hand or upload its PDF.", timeout);
    }

    public int status() {
        return timeout ? 504 : 502;
    }
}
