package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' JDK is picked as deploy/local/lib.sh picks it: the newest at or above the minimum. */
class ServiceRuntimeTest {

    @Test
    void theNewestJdkAtOrAboveTheMinimumIsChosen(@TempDir Path jvms) throws IOException {
        jdk(jvms, "java-17-openjdk-amd64", "17.0.15");
        jdk(jvms, "temurin-25-jdk-amd64", "25.0.3");
        jdk(jvms, "temurin-26-jdk-amd64", "26");
        Files.createDirectories(jvms.resolve("broken-27")); // no release file, no java

        assertEquals(Optional.of(jvms.resolve("temurin-26-jdk-amd64")), ServiceRuntime.jdk(jvms, 25));
        assertEquals(Optional.of(jvms.resolve("temurin-26-jdk-amd64")), ServiceRuntime.jdk(jvms, 17));
        assertEquals(Optional.empty(), ServiceRuntime.jdk(jvms, 27));
    }

    @Test
    void withoutAJdkAtTheMinimumThereIsNone(@TempDir Path jvms) throws IOException {
        jdk(jvms, "java-17-openjdk-amd64", "17.0.15");

        assertEquals(Optional.empty(), ServiceRuntime.jdk(jvms, 25));
        assertEquals(Optional.empty(), ServiceRuntime.jdk(jvms.resolve("missing"), 25));
    }

    private static void jdk(Path jvms, String name, String version) throws IOException {
        Path bin = Files.createDirectories(jvms.resolve(name).resolve("bin"));
        Files.writeString(
                jvms.resolve(name).resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
