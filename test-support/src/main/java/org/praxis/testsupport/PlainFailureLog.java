package org.praxis.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeTestExecutionCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;

/**
 * Keeps Quarkus's "log the request and response when a check fails", without pretty-printing. RestAssured
 * writes that log for every request, in case a check fails, and its pretty-printer parses and re-indents every
 * JSON body to do so: in a profile of intake-service's tests, a seventh of the test thread's samples (106 of
 * 727). A failing check still prints the request and the response, as sent.
 *
 * <p>Runs before each test method, after Quarkus has set RestAssured up for it (with pretty-printing on).
 */
public final class PlainFailureLog implements QuarkusTestBeforeTestExecutionCallback {
    @Override
    public void beforeTestExecution(QuarkusTestMethodContext context) {
        LogConfig log = RestAssured.config().getLogConfig();
        RestAssured.config = RestAssured.config().logConfig(log.enablePrettyPrinting(false));
    }
}
