package org.praxis.testsupport;

import groovy.lang.Binding;
import groovy.lang.DelegatingMetaClass;
import groovy.lang.GroovyShell;
import groovy.lang.GroovySystem;
import groovy.lang.MetaClass;
import groovy.lang.MetaClassRegistry;
import groovy.lang.Script;
import io.restassured.internal.path.json.JSONAssertion;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * Evaluates RestAssured's JSON paths without compiling a Groovy script for each check. RestAssured compiles every
 * path, such as {@code items[0].status}, as a script in a new {@code GroovyShell} each time; in profiles of the
 * service tests that compile was about a sixth of the test JVM's samples, most of it the compiler looking up each
 * name of the path as a class in every jar on the class path.
 *
 * <p>A plain path (names, indexes, a final {@code size()}: nearly all of ours) is read in Java by
 * {@link PlainJsonPath}; any other is still Groovy's own script (the same text, compiled the same way, run with a
 * fresh binding of the root object and the path's parameters), compiled once per text and kept. This takes over
 * the one private method that RestAssured's {@code JSONAssertion} calls through Groovy's meta-class,
 * {@code eval(root, object, expression)}. {@code JsonPathEvaluationTest} compares results and errors with
 * RestAssured's own evaluation and checks that the take-over happens, so a RestAssured upgrade that changes the
 * method fails there instead of going unnoticed.
 */
public final class JsonPathEvaluation {
    private static final Map<String, PlainJsonPath> PLAIN = new ConcurrentHashMap<>();
    private static final Map<String, Class<? extends Script>> SCRIPTS = new ConcurrentHashMap<>();
    private static final AtomicLong PLAIN_READS = new AtomicLong();
    private static final AtomicLong GROOVY_PATHS = new AtomicLong();

    /** Takes over JSON path evaluation in this class loader; calling it again changes nothing. */
    public static synchronized void install() {
        MetaClassRegistry registry = GroovySystem.getMetaClassRegistry();
        MetaClass current = registry.getMetaClass(JSONAssertion.class);
        if (!(current instanceof Evaluation)) {
            Evaluation evaluation = new Evaluation(current);
            evaluation.initialize();
            registry.setMetaClass(JSONAssertion.class, evaluation);
        }
    }

    /** Gives RestAssured its own evaluation back. */
    static synchronized void uninstall() {
        MetaClassRegistry registry = GroovySystem.getMetaClassRegistry();
        if (registry.getMetaClass(JSONAssertion.class) instanceof Evaluation evaluation) {
            registry.setMetaClass(JSONAssertion.class, evaluation.getAdaptee());
        }
    }

    /** Paths read in Java and paths handed to Groovy, in this class loader. */
    static long[] counts() {
        return new long[] {PLAIN_READS.get(), GROOVY_PATHS.get()};
    }

    private static final class Evaluation extends DelegatingMetaClass {
        Evaluation(MetaClass restAssured) {
            super(restAssured);
        }

        @Override
        public Object invokeMethod(
                Class sender, Object receiver, String name, Object[] args, boolean toSuper, boolean fromInside) {
            if ("eval".equals(name) && args.length == 3 && receiver instanceof JSONAssertion assertion) {
                return evaluate(assertion.getParams(), String.valueOf(args[0]), args[1], String.valueOf(args[2]));
            }
            return super.invokeMethod(sender, receiver, name, args, toSuper, fromInside);
        }
    }

    private static Object evaluate(Map<String, Object> params, String root, Object json, String expression) {
        Object plain = PLAIN.computeIfAbsent(expression, text -> PlainJsonPath.parse(text, root))
                .read(json);
        if (plain != PlainJsonPath.NOT_PLAIN) {
            PLAIN_READS.incrementAndGet();
            return plain;
        }
        Map<String, Object> variables = params == null ? new HashMap<>() : new HashMap<>(params);
        variables.put(root, json);
        GROOVY_PATHS.incrementAndGet();
        Class<? extends Script> script = SCRIPTS.computeIfAbsent(
                expression, text -> new GroovyShell().parse(text).getClass());
        return InvokerHelper.createScript(script, new Binding(variables)).run();
    }
}
