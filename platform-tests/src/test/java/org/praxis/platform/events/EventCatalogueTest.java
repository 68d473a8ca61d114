package org.praxis.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventContracts;

class EventCatalogueTest {
    @Test
    void theCatalogueListsExactlyTheEventTypesOfDocsEvents() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (Stream<Path> files = Files.list(EventContracts.directory())) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".schema.json"))
                    .forEach(n -> documented.add(n.substring(0, n.length() - ".schema.json".length())));
        }
        // A type missing here would be parked by every consumer; one listed but not documented hides a v2.
        assertEquals(
                documented,
                new TreeSet<>(EventCatalogue.listed()),
                "platform/src/main/resources/" + EventCatalogue.RESOURCE + " must list docs/events");
    }
}
