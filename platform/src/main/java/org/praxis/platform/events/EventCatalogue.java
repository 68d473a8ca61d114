package org.praxis.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.praxis.platform.PraxisConfig;

/**
 * The event types this build knows (the suite's docs/events, listed in {@code praxis/event-types.txt},
 * plus {@code praxis.inbox.known-types}). A type known here that no handler of this service takes is
 * not for this service; one not known here comes from a newer publisher (a {@code v2}, or a type only a
 * newer version of this service handles) and is parked rather than skipped.
 */
@ApplicationScoped
public class EventCatalogue {
    static final String RESOURCE = "praxis/event-types.txt";

    private final Set<String> known;

    @Inject
    public EventCatalogue(PraxisConfig config) {
        Set<String> types = new HashSet<>(listed());
        Arrays.stream(config.inbox().knownTypes().split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .forEach(types::add);
        this.known = Set.copyOf(types);
    }

    public boolean knows(String type) {
        return known.contains(type);
    }

    /** The types in {@value #RESOURCE}. */
    public static Set<String> listed() {
        Set<String> types = new HashSet<>();
        try (InputStream in = EventCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(types::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }
}
