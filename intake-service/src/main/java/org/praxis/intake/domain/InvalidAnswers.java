package org.praxis.intake.domain;

import java.util.List;
import org.praxis.platform.problem.Violation;

/** A response the scorer refuses (see {@link Scorer#violations}), with one violation per item. */
public class InvalidAnswers extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidAnswers(List<Violation> violations) {
        super(violations.size() + " answer(s) invalid");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
