package org.praxis.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.praxis.platform.PraxisConfig;

import io.quarkus.runtime.Startup;

/**
 * AES-256-GCM for notes, answers and other free text at rest. A value is stored as
 * {@code v1:<key id>:<base64(iv | ciphertext+tag)>}, so keys can rotate: new values use the active
 * key, old ones are read with the key they name. Keys come from configuration (a Secret in Kubernetes).
 */
// Created at start-up: a service without its keys must not start and fail later on the first note.
@Startup
@ApplicationScoped
public class FieldCipher {
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKeyId;

    @Inject
    public FieldCipher(PraxisConfig config) {
        for (String entry : config.crypto().keys().split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("praxis.crypto.keys must be 'id:base64key[,id:base64key]'");
            }
            byte[] key = Base64.getDecoder().decode(parts[1].trim());
            if (key.length != 32) {
                throw new IllegalStateException("key " + parts[0] + " must be 32 bytes (AES-256)");
            }
            keys.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
        }
        activeKeyId = config.crypto().activeKey();
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("praxis.crypto.active-key " + activeKeyId + " is not among praxis.crypto.keys");
        }
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("value is not encrypted with a known scheme");
        }
        int sep = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), sep);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no key " + keyId + " configured to read this value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(sep + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key or tampered value)", e);
        }
    }
}
