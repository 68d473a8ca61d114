package org.praxis.platform.crypto;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.praxis.platform.PraxisConfig;

/**
 * AES-256-GCM for notes, answers, names and other free text at rest, with envelope keys: the
 * service's key-encryption keys (KEKs) come from its Secret, each tenant gets a data key per KEK
 * ({@link DataKeys}), and a value is stored as {@code v2:<data key id>:<base64(iv | ciphertext+tag)>},
 * sealed with associated data naming service, table, column, tenant and row ({@link SealedColumn}).
 * Values of the first scheme ({@code v1:<KEK id>:...}, no associated data) still open until
 * {@link KeyRotation} has moved them.
 */
// Created at start-up: a service without its keys must not start and fail later on the first note.
@Startup
@ApplicationScoped
public class FieldCipher {
    static final String V1 = "v1:";
    static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The key the test and dev profiles use; a published key protects nothing. */
    private static final String PUBLISHED_KEY = "KHhMxDBJC7z5ln1v5hiXbw9w3nIzD6FVEpwHyMlKCfM=";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keks = new LinkedHashMap<>();
    private final String activeKekId;
    private final String service;

    @Inject
    DataKeys dataKeys;

    @Inject
    public FieldCipher(PraxisConfig config) {
        this.service = config.service();
        for (String entry : config.crypto().keys().split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || !parts[0].trim().matches("[A-Za-z0-9._-]{1,40}")) {
                throw new IllegalStateException("praxis.crypto.keys must be 'id:base64key[,id:base64key]' with ids of"
                        + " letters, digits, '.', '_' or '-'");
            }
            byte[] key = Base64.getDecoder().decode(parts[1].trim());
            if (key.length != 32) {
                throw new IllegalStateException("key " + parts[0] + " must be 32 bytes (AES-256)");
            }
            if (isAllZero(key)
                    || LaunchMode.current() == LaunchMode.NORMAL
                            && java.util.Arrays.equals(key, Base64.getDecoder().decode(PUBLISHED_KEY))) {
                throw new IllegalStateException("key " + parts[0] + " is a placeholder (all zero or the published test"
                        + " key); generate a real one: head -c 32 /dev/urandom | base64");
            }
            keks.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
        }
        activeKekId = config.crypto().activeKey();
        if (!keks.containsKey(activeKekId)) {
            throw new IllegalStateException(
                    "praxis.crypto.active-key " + activeKekId + " is not among praxis.crypto.keys");
        }
    }

    public String activeKekId() {
        return activeKekId;
    }

    public Set<String> kekIds() {
        return keks.keySet();
    }

    public String seal(SealedColumn column, String tenantId, UUID rowId, String plaintext) {
        return sealWith(dataKeys.current(tenantId, activeKekId), column, tenantId, rowId, plaintext);
    }

    String sealWith(DataKeys.DataKey key, SealedColumn column, String tenantId, UUID rowId, String plaintext) {
        byte[] sealed = encrypt(key.key(), plaintext.getBytes(StandardCharsets.UTF_8), place(column, tenantId, rowId));
        return V2 + key.id() + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    public String open(SealedColumn column, String tenantId, UUID rowId, String stored) {
        try {
            return openChecked(column, tenantId, rowId, stored);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("a value of " + column + " is malformed", e);
        }
    }

    /** True for a value of one of the sealing schemes (anything else was stored before sealing began). */
    public static boolean isSealed(String stored) {
        return stored.startsWith(V1) || stored.startsWith(V2);
    }

    private String openChecked(SealedColumn column, String tenantId, UUID rowId, String stored) {
        if (stored.startsWith(V1)) {
            return legacyOpen(stored);
        }
        if (!stored.startsWith(V2)) {
            throw new IllegalStateException("a value of " + column + " is not sealed with a known scheme");
        }
        int sep = stored.indexOf(':', V2.length());
        DataKeys.DataKey key = dataKeys.byId(stored.substring(V2.length(), sep));
        if (!key.tenantId().equals(tenantId)) {
            throw new IllegalStateException("a value of " + column + " was sealed for another tenant");
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(sep + 1));
        return new String(decrypt(key.key(), in, place(column, tenantId, rowId)), StandardCharsets.UTF_8);
    }

    /** The data key id (v2) or KEK id (v1) a stored value names. */
    static String keyIdOf(String stored) {
        int sep = stored.indexOf(':', 3);
        return sep < 0 ? "" : stored.substring(3, sep);
    }

    private String legacyOpen(String stored) {
        String kekId = keyIdOf(stored);
        byte[] in = Base64.getDecoder().decode(stored.substring(V1.length() + kekId.length() + 1));
        return new String(decrypt(kek(kekId), in, null), StandardCharsets.UTF_8);
    }

    SecretKey kek(String kekId) {
        SecretKey kek = keks.get(kekId);
        if (kek == null) {
            throw new IllegalStateException("no key-encryption key " + kekId + " is configured (praxis.crypto.keys)"
                    + " to read values that use it");
        }
        return kek;
    }

    private byte[] place(SealedColumn column, String tenantId, UUID rowId) {
        if (tenantId == null || rowId == null) {
            throw new IllegalStateException("a value of " + column + " is sealed to its row: set id and tenant first");
        }
        return ("praxis|" + service + "|" + column.table() + "|" + column.column() + "|" + tenantId + "|" + rowId)
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            if (associatedData != null) {
                cipher.updateAAD(associatedData);
            }
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    byte[] decrypt(SecretKey key, byte[] in, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            if (associatedData != null) {
                cipher.updateAAD(associatedData);
            }
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "decryption failed (wrong key, tampered value, or a value moved from"
                            + " another row, column or tenant)",
                    e);
        }
    }

    private static boolean isAllZero(byte[] key) {
        for (byte b : key) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
