package org.praxis.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;

class ETagsTest {

    @Test
    void aChangeNeedsTheCurrentVersion() {
        assertEquals(428, status(() -> ETags.requireMatch(null, 3)));
        assertEquals(412, status(() -> ETags.requireMatch("\"2\"", 3)));
        assertDoesNotThrow(() -> ETags.requireMatch("\"2\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void whereIfMatchIsOptionalOnlyAStaleOneIsRefused() {
        assertDoesNotThrow(() -> ETags.requireMatchIfPresent(null, 3));
        assertDoesNotThrow(() -> ETags.requireMatchIfPresent(" ", 3));
        assertDoesNotThrow(() -> ETags.requireMatchIfPresent("\"3\"", 3));
        assertEquals(412, status(() -> ETags.requireMatchIfPresent("\"2\"", 3)));
    }

    @Test
    void answersCarryTheVersionTheyShow() {
        Response ok = ETags.ok("view", 4);
        assertEquals(200, ok.getStatus());
        assertEquals("view", ok.getEntity());
        assertEquals("4", ok.getEntityTag().getValue());

        Response created = ETags.created(URI.create("/v1/things/1"), "view", 0);
        assertEquals(201, created.getStatus());
        assertEquals(URI.create("/v1/things/1"), created.getLocation());
        assertEquals("view", created.getEntity());
        assertEquals("0", created.getEntityTag().getValue());
    }

    @Test
    void anUnchangedReadIs304WithoutMakingTheView() {
        Response unchanged = ETags.okUnlessNotModified("\"4\"", 4, () -> {
            throw new AssertionError("the view is not made for a 304");
        });
        assertEquals(304, unchanged.getStatus());
        assertNull(unchanged.getEntity());
        assertEquals("4", unchanged.getEntityTag().getValue());

        Response changed = ETags.okUnlessNotModified("\"3\"", 4, () -> "view");
        assertEquals(200, changed.getStatus());
        assertEquals("view", changed.getEntity());
    }

    private static int status(Runnable check) {
        return assertThrows(ProblemException.class, check::run).problem().status();
    }
}
