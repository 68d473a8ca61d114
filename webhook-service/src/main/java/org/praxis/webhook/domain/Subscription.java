package org.praxis.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * A tenant's endpoint and the event types it receives. Its signing secret is sealed; after a rotation the previous
 * one stays valid until {@link #previousSecretUntil}, and deliveries meanwhile are signed with both.
 */
@Entity
@Table(name = "webhook_subscription")
public class Subscription {
    private static final SealedColumn SECRET = SealedColumn.of("webhook_subscription", "secret");
    private static final SealedColumn PREVIOUS_SECRET = SealedColumn.of("webhook_subscription", "previous_secret");

    @Id
    public UUID id;

    public String tenantId;
    public String url;
    public String[] eventTypes;
    public boolean enabled;
    /** Why the service disabled it (persistent failure); null while enabled or when an admin disabled it. */
    public String disabledReason;
    /** Sealed ({@link #secret()}). */
    String secret;
    /** Sealed ({@link #previousSecret()}). */
    String previousSecret;

    public Instant previousSecretUntil;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public String secret() {
        return SECRET.open(tenantId, id, secret);
    }

    /** Replaces the secret; the one it replaces stays valid until {@code previousUntil}. */
    public void rotate(String newSecret, Instant previousUntil) {
        previousSecret = PREVIOUS_SECRET.seal(tenantId, id, secret());
        previousSecretUntil = previousUntil;
        secret = SECRET.seal(tenantId, id, newSecret);
    }

    void firstSecret(String plaintext) {
        secret = SECRET.seal(tenantId, id, plaintext);
    }

    public String previousSecret() {
        return PREVIOUS_SECRET.open(tenantId, id, previousSecret);
    }

    /** The secrets a delivery at {@code now} is signed with: the current one, and the previous one during the overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret()));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret());
        }
        return secrets;
    }
}
