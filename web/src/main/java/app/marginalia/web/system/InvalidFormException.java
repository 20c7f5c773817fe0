package app.marginalia.web.system;

import app.marginalia.core.paper.FieldProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Submitted input breaks rules; nothing was saved. Pages re-render the form with each problem. */
public class InvalidFormException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidFormException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::message).reduce((a, b) -> a + " " + b).orElse("Invalid input."));
        this.problems = List.copyOf(problems);
    }

    public InvalidFormException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Messages by field, as the form templates show them. */
    public Map<String, String> byField() {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        return errors;
    }
}
