package org.keywarden.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A request that breaks a rule of the use case: nothing was changed (400 on the API, a message in the portal). */
@ApplicationException(rollback = true)
public class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super("Invalid field(s): " + String.join(", ", violations.stream().map(Violation::field).distinct().toList()),
                null, false, false);
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
