package app.marginalia.web.paper;

import java.util.List;

/** The draft looks like papers already in the library; saving needs the member's confirmation. */
public class DuplicatePaperException extends RuntimeException {

    private final transient List<PaperSummary> matches;

    public DuplicatePaperException(List<PaperSummary> matches) {
        super("This looks like a paper already in the library.");
        this.matches = List.copyOf(matches);
    }

    public List<PaperSummary> matches() {
        return matches;
    }
}
