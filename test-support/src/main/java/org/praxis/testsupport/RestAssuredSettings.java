package org.praxis.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeTestExecutionCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.conn.BasicClientConnectionManager;
import org.apache.http.impl.conn.SchemeRegistryFactory;
import org.apache.http.params.HttpParams;
import org.apache.http.params.SyncBasicHttpParams;

/**
 * What the tests' RestAssured does differently from its defaults, each for a cost found in profiles of the
 * service tests (the figures are intake-service's and session-service's JFR samples):
 *
 * <ul>
 *   <li>JSON paths are evaluated by {@link JsonPathEvaluation}, without a Groovy compile per checked path
 *       (a sixth of the samples).
 *   <li>Quarkus's "log the request and response when a check fails" stays on, without pretty-printing: the log is
 *       written for every request, and re-indenting every JSON body was a seventh of the test thread's samples.
 *       A failing check still prints the request and the response, as sent.
 *   <li>Each request's HTTP client is the one RestAssured makes by default ({@code DefaultHttpClient} with a basic
 *       connection manager and the default parameters), but its parameters are copied from one made once and its
 *       scheme registry is shared: made afresh, each request read HttpClient's version file through the class
 *       loader for the User-Agent and built an SSL context (4 % of session-service's samples).
 * </ul>
 *
 * <p>Runs before each test method, after Quarkus has set RestAssured up for it; system tests call {@link #apply}
 * once.
 */
public final class RestAssuredSettings implements QuarkusTestBeforeTestExecutionCallback {
    private static final HttpParams CLIENT_DEFAULTS = clientDefaults();
    private static final SchemeRegistry SCHEMES = SchemeRegistryFactory.createDefault();

    @Override
    public void beforeTestExecution(QuarkusTestMethodContext context) {
        apply();
    }

    /** Applies the settings to RestAssured's current configuration, keeping everything else in it. */
    public static void apply() {
        JsonPathEvaluation.install();
        RestAssuredConfig config = RestAssured.config();
        RestAssured.config = config.logConfig(config.getLogConfig().enablePrettyPrinting(false))
                .httpClient(config.getHttpClientConfig().httpClientFactory(RestAssuredSettings::httpClient));
    }

    @SuppressWarnings("deprecation") // the client class RestAssured 5 itself makes
    private static DefaultHttpClient httpClient() {
        return new DefaultHttpClient(new BasicClientConnectionManager(SCHEMES), CLIENT_DEFAULTS.copy());
    }

    @SuppressWarnings("deprecation")
    private static HttpParams clientDefaults() {
        HttpParams params = new SyncBasicHttpParams();
        DefaultHttpClient.setDefaultHttpParams(params);
        return params;
    }
}
