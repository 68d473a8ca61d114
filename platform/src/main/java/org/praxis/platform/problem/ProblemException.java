package org.praxis.platform.problem;

import java.util.List;

/**
 * Thrown by resources and rules to answer with a problem document. The factory methods name the
 * REST conventions: 404 (also for another tenant's id), 409, 412, 422, 428.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " was not found."));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict with the current state", detail));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail));
    }

    /** A well-formed request the rules refuse, naming each violated rule (see {@link Violation#refuseAny}). */
    public static ProblemException unprocessable(String detail, List<Violation> errors) {
        return new ProblemException(Problem.of(422, "rule-violation", "Request refused by the rules", detail)
                .withErrors(errors.isEmpty() ? null : errors));
    }

    public static ProblemException unprocessable(String detail) {
        return unprocessable(detail, List.of());
    }

    public static ProblemException staleVersion(String detail) {
        return new ProblemException(Problem.of(412, "stale-version", "The resource has changed", detail));
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(Problem.of(
                428,
                "if-match-required",
                "If-Match required",
                "Send the ETag you last read in an If-Match header to change this resource."));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}
