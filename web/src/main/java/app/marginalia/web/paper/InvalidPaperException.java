package app.marginalia.web.paper;

import app.marginalia.core.paper.FieldProblem;

import java.util.List;

/** The draft breaks rules of {@link app.marginalia.core.paper.PaperDraft}; nothing was saved. */
public class InvalidPaperException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidPaperException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::message).reduce((a, b) -> a + " " + b).orElse("Invalid paper."));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
