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
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            // A deployment lets webhook-service reach https on 443 only (its NetworkPolicy): another port would be
            // saved and then time out on every attempt until the subscription is disabled.
            return Optional.of("must use https's port 443");
        }
        // One text for both: telling them apart would let a subscriber map which internal names exist.
        String refused = "does not resolve to public addresses only";
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of(refused);
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of(refused);
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
        return address instanceof Inet6Address && isPublicV6(b);
    }

    /**
     * Global unicast 2000::/3 only, which leaves out unique local, NAT64 (64:ff9b::/96), discard (100::/64) and the
     * IPv4-mapped and -compatible forms; less the IETF protocol block 2001::/23 (Teredo among it, which embeds an
     * IPv4 address), documentation 2001:db8::/32 and 6to4 2002::/16 (it embeds an IPv4 address, which may be
     * a private one; the deployment's NetworkPolicy, which cannot look inside it, leaves the whole block out too).
     */
    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if ((first & 0xe0) != 0x20) {
            return false;
        }
        if (first == 0x20 && second == 0x01) {
            boolean protocols = (b[2] & 0xfe) == 0;
            boolean documentation = (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
            return !protocols && !documentation;
        }
        return !(first == 0x20 && second == 0x02);
    }
}
