package org.praxis.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemAcceptTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "application/problem+json | true",
                "Application/Problem+JSON | true",
                "application/problem+json;q=0.9 | true",
                "application/problem+json, application/jsonl | true",
                "application/problem+json, application/json-seq | true",
                "application/json, application/problem+json | false",
                "application/problem+json, APPLICATION/JSON;q=0.5 | false",
                "application/problem+json, application/* | false",
                "application/problem+json, */* | false",
                "application/json | false",
                "text/html | false"
            })
    void jsonIsAddedOnlyWhereProblemsAloneWouldRefuseTheSuccess(String accept, boolean added) {
        assertEquals(added, ProblemAccept.acceptsProblemsButNotJson(accept));
    }
}
