package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FeedbackRespondentsTest {
    /** An answer named by its client's letter and its place: "a1" is client a's first. */
    private static final Function<String, String> CLIENT = answer -> answer.substring(0, 1);

    @Test
    void aBatchTakesTheOldestAnswersAtMostTwoOfAnyOneClient() {
        assertEquals(
                List.of("a1", "a2", "b1", "c1", "b2"),
                FeedbackRespondents.firstBatch(List.of("a1", "a2", "a3", "b1", "c1", "a4", "b2", "c2"), CLIENT, 5));
    }

    @Test
    void oneOrTwoClientsNeverMakeABatchHoweverManyTheirAnswers() {
        assertEquals(List.of(), FeedbackRespondents.firstBatch(List.of("a1", "a2", "a3", "a4", "a5", "a6"), CLIENT, 5));
        assertEquals(
                List.of(),
                FeedbackRespondents.firstBatch(List.of("a1", "b1", "a2", "b2", "a3", "b3", "a4"), CLIENT, 5));
        assertEquals(List.of(), FeedbackRespondents.firstBatch(List.of("a1", "b1", "c1", "d1"), CLIENT, 5));
    }

    @Test
    void fiveAnswersOfABatchComeFromThreeClientsOrMore() {
        List<String> batch =
                FeedbackRespondents.firstBatch(List.of("a1", "b1", "a2", "b2", "a3", "b3", "c1"), CLIENT, 5);
        assertEquals(List.of("a1", "b1", "a2", "b2", "c1"), batch);
        assertEquals(3, batch.stream().map(CLIENT).distinct().count());
    }
}
