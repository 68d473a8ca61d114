package org.praxis.floor;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.UUID;

/**
 * An authenticated, validated create in one transaction (one insert and the commit): what every write of a
 * service pays before its own rules, with the bearer token checked against the realm's keys as the services do.
 */
@Path("/notes")
@Authenticated
public class Notes {
    public record NewNote(@NotNull @Size(max = 200) String text) {}

    @POST
    @Transactional
    public Map<String, UUID> create(@Valid NewNote body) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.text = body.text();
        note.persist();
        return Map.of("id", note.id);
    }
}
