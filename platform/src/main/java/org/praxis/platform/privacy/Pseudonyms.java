package org.praxis.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable per tenant and person, so an erased person's retained records stay linked without naming them. */
public final class Pseudonyms {
    private static final String PREFIX = "erased-";
    /** Every pseudonym, as a SQL {@code like} pattern. */
    public static final String LIKE = PREFIX + "%";

    private Pseudonyms() {}

    public static String of(String tenantId, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tenantId + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for an id an erasure put in place of a person's: it names nobody who can still act. */
    public static boolean isPseudonym(String id) {
        return id != null && id.startsWith(PREFIX);
    }
}
