package org.praxis.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {
    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, false",
        "10.1.2.3, false",
        "172.16.0.1, false",
        "192.168.1.1, false",
        "169.254.169.254, false",
        "100.64.0.1, false",
        "0.0.0.0, false",
        "224.0.0.1, false",
        "255.255.255.255, false",
        "::1, false",
        "fe80::1, false",
        "fd00::1, false",
        "::ffff:10.0.0.1, false",
        "ff02::1, false",
        "192.0.2.10, false",
        "198.51.100.20, false",
        "203.0.113.5, false",
        "93.184.216.34, true",
        "8.8.8.8, true",
        "2606:4700:4700::1111, true",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, false", // Teredo
        "2001:10::1, false", // in the IETF protocol block 2001::/23
        "2001:db8::1, false", // documentation
        "2002:a00:1::1, false", // 6to4 of 10.0.0.1
        "2002:7f00:1::1, false", // 6to4 of 127.0.0.1
        "2002:808:808::1, false", // 6to4, even of a public address (as the NetworkPolicy: it cannot tell them apart)
        "64:ff9b::a00:1, false", // NAT64 of 10.0.0.1
        "64:ff9b::808:808, false", // NAT64, even of a public address
        "100::1, false", // discard
        "::8.8.8.8, false", // IPv4-compatible (deprecated)
        "4000::1, false", // outside global unicast
        "2a00:1450:4001::200e, true"
    })
    void onlyPublicAddressesAreReachable(String address, boolean reachable) throws UnknownHostException {
        assertEquals(reachable, Endpoints.isPublic(InetAddress.getByName(address)));
    }

    /** As deployed (the tests' own configuration allows private endpoints for their receivers). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost:8443/hook",
                "https://10.0.0.7/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "http://hooks.example.org/praxis",
                "https://user:pw@hooks.example.org/praxis",
                "not a url"
            })
    void privateOrPlainEndpointsAreRefused(String url) {
        assertTrue(endpoints(false).refusal(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/hook", "https://10.0.0.7/hook"})
    void theTrialSettingAllowsThem(String url) {
        assertEquals(Optional.empty(), endpoints(true).refusal(url));
    }

    /** A deployment reaches https on 443 only (its NetworkPolicy), so another port is refused when saved. */
    @Test
    void aPublicEndpointIsTakenOn443Only() {
        assertEquals(Optional.empty(), endpoints(false).refusal("https://93.184.216.34/hook"));
        assertEquals(Optional.empty(), endpoints(false).refusal("https://93.184.216.34:443/hook"));
        assertEquals(
                Optional.of("must use https's port 443"), endpoints(false).refusal("https://93.184.216.34:8443/hook"));
        assertEquals(Optional.empty(), endpoints(true).refusal("https://93.184.216.34:8443/hook"), "a local trial");
    }

    /** Whether a name does not exist or resolves to a private address, a subscriber is told the same. */
    @Test
    void anUnknownNameAndAPrivateOneAreRefusedAlike() {
        assertEquals(
                endpoints(false).refusal("https://127.0.0.1/hook"),
                endpoints(false).refusal("https://no-such-host.invalid/hook"));
    }

    private static Endpoints endpoints(boolean allowPrivate) {
        Endpoints endpoints = new Endpoints();
        endpoints.config = (WebhookConfig) Proxy.newProxyInstance(
                WebhookConfig.class.getClassLoader(), new Class<?>[] {WebhookConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("allowPrivateEndpoints")) {
                        return allowPrivate;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return endpoints;
    }
}
