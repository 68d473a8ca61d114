package org.praxis.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports, so parallel builds on a shared machine never collide on a fixed port. Picked below the
 * kernel's ephemeral range: a port the kernel hands out for {@code new ServerSocket(0)} lies in that range, where any
 * outgoing connection on the machine may take it between this probe and the process given it binding it (it did: a
 * service of the fault tests failed with "Address already in use" while the system tests ran beside them).
 */
public final class FreePorts {
    static final int LOWEST = 20000;

    private FreePorts() {}

    public static int next() {
        int below = Math.max(LOWEST + 1000, ephemeralStart());
        for (int tries = 0; tries < 1000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + LOWEST + " and " + below);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of /proc/sys/net/ipv4/ip_local_port_range (Linux's default 32768 elsewhere). */
    static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32768;
        }
    }
}
