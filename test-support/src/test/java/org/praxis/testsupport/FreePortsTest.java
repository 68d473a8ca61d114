package org.praxis.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A port given out lies below the ephemeral range, where no outgoing connection takes it, and can be bound. */
class FreePortsTest {

    @Test
    void portsComeFromBelowTheEphemeralRangeAndAreFree() throws Exception {
        int ephemeral = FreePorts.ephemeralStart();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertTrue(port >= FreePorts.LOWEST && port < Math.max(FreePorts.LOWEST + 1000, ephemeral), "port " + port);
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(bound.isBound());
            }
        }
    }
}
