package org.praxis.webhook.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which URLs a delivery may go to: https, and a host whose every address is public, so that a subscription cannot make
 * this service call into the network it runs in. Checked when a subscription is saved and again before each attempt,
 * since a name can resolve elsewhere later (DNS rebinding). {@link WebhookConfig#allowPrivateEndpoints()} lifts both
 * rules for trials.
 */
@ApplicationScoped
public class Endpoints {
    @Inject
    WebhookConfig config;

    /** Why {@code url} may not be called now; empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean plainAllowed = config.allowPrivateEndpoints() && scheme.equals("http");
        if (!scheme.equals("https") && !plainAllowed) {
            return Optional.of("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must name a host, without user information or fragment");
        }
        if (config.allowPrivateEndpoints()) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of("resolves to a private, loopback, link-local or multicast address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("does not resolve");
        }
        return Optional.empty();
    }

    /** False for the addresses of one's own machine and network: private, loopback, link-local, multicast, CGNAT. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) <= 2 && (b[2] & 0xff) != 1) // IETF, TEST-NET-1
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && !(first == 198 && second == 51 && (b[2] & 0xff) == 100) // TEST-NET-2
                    && !(first == 203 && second == 0 && (b[2] & 0xff) == 113) // TEST-NET-3
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (isMappedOrCompatibleV4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address that must pass the IPv4 rules. */
    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }
}
