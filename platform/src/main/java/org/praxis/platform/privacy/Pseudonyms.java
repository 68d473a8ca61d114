package org.praxis.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable per tenant and person, so an erased person's retained records stay linked without naming them. */
public final class Pseudonyms {
    private Pseudonyms() {
    }

    public static String of(String tenantId, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((tenantId + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return "erased-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
