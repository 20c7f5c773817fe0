package app.marginalia.web.group;

import app.marginalia.core.group.GroupRules;
import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.FieldProblem;
import org.jboss.resteasy.reactive.RestForm;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A group's name, description and time zone, as a form submits them. */
public class GroupForm {

    @RestForm
    public String name = "";
    @RestForm
    public String description = "";
    @RestForm
    public String timeZone = "";

    public String cleanName() {
        return CanonicalText.singleLine(name);
    }

    public String cleanDescription() {
        return CanonicalText.of(description);
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (cleanName().isEmpty()) {
            problems.add(new FieldProblem("name", "Give the group a name."));
        } else if (cleanName().length() > GroupRules.NAME_MAX) {
            problems.add(new FieldProblem("name", "The name is longer than " + GroupRules.NAME_MAX + " characters."));
        }
        if (cleanDescription().length() > GroupRules.DESCRIPTION_MAX) {
            problems.add(new FieldProblem("description",
                    "The description is longer than " + GroupRules.DESCRIPTION_MAX + " characters."));
        }
        try {
            ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "Choose a time zone such as Europe/Berlin or America/New_York."));
        }
        return problems;
    }
}
