package org.praxis.platform.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No main source file of any module is over {@value #MAX_LINES} lines unless its opening comment (before
 * the type) says why, starting with {@value #REASON}: a long file is split along its seams (a sub-process, a
 * query family, a view group); an entity or a file of view records may say why it stays whole.
 */
class SourceSizeTest {
    static final int MAX_LINES = 250;
    static final String REASON = "Long file:";

    /** The first top-level declaration: what comes before it is the file's opening comment. */
    private static final Pattern TYPE =
            Pattern.compile("^(public |final |abstract |sealed |@|class |interface |record |enum )", Pattern.MULTILINE);

    /** Not sources: build output and installed npm packages. */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules");

    @Test
    void everyLongMainSourceFileSaysWhy() {
        assertEquals(List.of(), tooLong(Path.of("..")));
    }

    @Test
    void aLongFileWithoutAReasonIsNamed(@TempDir Path root) throws IOException {
        Path file = root.resolve("some-service/src/main/java/org/example/Long.java");
        Files.createDirectories(file.getParent());
        String body = "    int field;\n".repeat(MAX_LINES);
        Files.writeString(file, "package org.example;\n\n/** Does much. */\npublic class Long {\n" + body + "}\n");
        Path test = root.resolve("some-service/src/test/java/org/example/LongTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, body); // tests are not counted
        assertEquals(List.of("some-service/src/main/java/org/example/Long.java: 255 lines"), tooLong(root));

        Files.writeString(
                file,
                "package org.example;\n\n/** Does much.\n * " + REASON + " an entity. */\npublic class Long {\n" + body
                        + "}\n");
        assertEquals(List.of(), tooLong(root));
    }

    /** Each main source file below {@code root} over the limit without a stated reason, with its line count. */
    static List<String> tooLong(Path root) {
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    if (path.endsWith(".java") && path.contains("/src/main/java/")) {
                        String text = Files.readString(file);
                        long lines = text.lines().count();
                        if (lines > MAX_LINES && !statesReason(text)) {
                            found.add(path + ": " + lines + " lines");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static boolean statesReason(String text) {
        var type = TYPE.matcher(text);
        return (type.find() ? text.substring(0, type.start()) : text).contains(REASON);
    }
}
