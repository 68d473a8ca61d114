package org.praxis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.slf4j.LoggerFactory;

/**
 * What OpenAPI Generator warns about while generating the two SDKs from the five documents, with the
 * options their modules generate with. The count must be zero (the generator's notice that its OpenAPI
 * 3.1 support is in beta excepted) once {@code praxis.sdk.strict-warnings} is on; it is always written
 * to target/generator-warnings.txt.
 */
class GenerationWarningsTest {
    static final List<String> SERVICES = List.of("intake", "session", "referral", "assessment", "webhook");
    /** The generator's version notice, not a finding about a document. */
    static final String VERSION_NOTICE = "OpenAPI 3.1 support is still in beta";

    static final Path PROJECT = Path.of("").toAbsolutePath().getParent().getParent();

    @Test
    void theSdksGenerateWithoutWarnings() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        TreeMap<String, List<String>> warnings = new TreeMap<>();
        for (String service : SERVICES) {
            warnings.put(
                    "java " + service,
                    warningsOf(
                            root,
                            System.getProperty("sdk.generator"),
                            System.getProperty("sdk.library"),
                            PROJECT.resolve("clients/java/generator.yaml"),
                            service));
            warnings.put(
                    "typescript " + service,
                    warningsOf(
                            root,
                            System.getProperty("sdk.typescript.generator"),
                            null,
                            PROJECT.resolve("clients/typescript/generator.yaml"),
                            service));
        }
        String report = warnings.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().size()
                        + e.getValue().stream().map(w -> "\n  " + w).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        Files.writeString(PROJECT.resolve("clients/java/target/generator-warnings.txt"), report + "\n");
        System.out.println("Generator warnings:\n" + report);
        if (Boolean.getBoolean("praxis.sdk.strict-warnings")) {
            assertEquals(
                    0,
                    warnings.values().stream().mapToInt(List::size).sum(),
                    "OpenAPI Generator warns about the documents:\n" + report);
        }
    }

    /** The warnings one dry run logs (files are planned, none written). */
    private static List<String> warningsOf(
            Logger root, String generator, String library, Path options, String service) {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            CodegenConfigurator configurator = CodegenConfigurator.fromFile(options.toString())
                    .setGeneratorName(generator)
                    .setInputSpec(PROJECT.resolve(service + "-service/target/openapi/openapi.yaml")
                            .toString())
                    .setOutputDir(PROJECT.resolve("clients/java/target/warnings-dry-run/" + generator + "/" + service)
                            .toString())
                    .setApiPackage("org.praxis.client." + service)
                    .setModelPackage("org.praxis.client." + service + ".model");
            if (library != null) {
                configurator.setLibrary(library);
            }
            new DefaultGenerator(true).opts(configurator.toClientOptInput()).generate();
        } finally {
            root.detachAppender(logged);
        }
        List<String> found = new ArrayList<>();
        for (ILoggingEvent event : logged.list) {
            String message = event.getFormattedMessage().strip();
            // The dry run's list of planned files is logged as an error, and so is its (empty) first line.
            boolean plan = message.isEmpty() || message.startsWith("Dry Run Results");
            if (event.getLevel().isGreaterOrEqual(Level.WARN) && !plan && !message.contains(VERSION_NOTICE)) {
                found.add(event.getLevel() + " " + message);
            }
        }
        return found;
    }
}
