package org.praxis.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;

/** The least a JSON service answers: benchmark 6 times this application's start and reads its memory. */
@Path("/hello")
public class Hello {
    @GET
    public Map<String, String> hello() {
        return Map.of("hello", "world");
    }
}
