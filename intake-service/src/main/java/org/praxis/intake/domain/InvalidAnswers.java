package org.praxis.intake.domain;

import java.util.List;

/** A response the scorer refuses, with one problem per item. */
public class InvalidAnswers extends RuntimeException {
    /** {@code linkId} is null for a problem with the response as a whole. */
    public record ItemProblem(String linkId, String message) {}

    private final transient List<ItemProblem> problems;

    public InvalidAnswers(List<ItemProblem> problems) {
        super(problems.size() + " answer(s) invalid");
        this.problems = List.copyOf(problems);
    }

    public List<ItemProblem> problems() {
        return problems;
    }
}
