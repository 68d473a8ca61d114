package org.praxis.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The java the services run on, as deploy/local/lib.sh chooses it for the local stack and the benchmark:
 * the newest JDK 25 or later under /usr/lib/jvm ({@code PRAXIS_JVM_DIR}), else the JVM running the tests.
 */
final class ServiceRuntime {
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private ServiceRuntime() {}

    static String java() {
        String dir = System.getenv().getOrDefault("PRAXIS_JVM_DIR", "/usr/lib/jvm");
        return jdk(Path.of(dir), 25)
                .map(home -> home.resolve("bin/java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"))
                .toString();
    }

    /** The newest JDK of version {@code min} or later directly under {@code dir}, by its release file. */
    static Optional<Path> jdk(Path dir, int min) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(dir)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> version(home) >= min)
                    .max(Comparator.comparingInt(ServiceRuntime::version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
