package org.praxis.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.persistence.AfterCommit;
import org.praxis.platform.persistence.DeferredInserts;
import org.praxis.platform.security.CallerContext;

/**
 * Records an event in the outbox, inside the caller's transaction: the event exists exactly when the
 * change it announces was committed. The {@link OutboxRelay} sends it to Kafka afterwards.
 * Payloads carry ids, codes and levels only, never free text.
 */
@ApplicationScoped
public class OutboxPublisher {
    @Inject
    DataSource dataSource;

    @Inject
    PraxisConfig config;

    @Inject
    CallerContext callerContext;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    DeferredInserts inserts;

    /** Records {@code event} for the caller's tenant; returns its id ({@code ce_id}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(OutgoingEvent event) {
        return publish(callerContext.tenantId(), event);
    }

    /** Records {@code event} for {@code tenantId}, on this service's topic with its {@code ce_type} prefix. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String tenantId, OutgoingEvent event) {
        return insert(tenantId, config.events().topic(), config.events().typePrefix(), event);
    }

    /**
     * An event on a topic this service writes for a process it acts for, not its own: the erasure
     * coordinator's {@code privacy.events}. The relay sends it with that topic's owner as {@code ce_source}
     * ({@code /privacy}), which every consumer checks; the broker's ACLs decide who may write there.
     *
     * @param typePrefix that process's {@code ce_type} prefix, e.g. {@code org.praxis.privacy}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishOn(String topic, String typePrefix, String tenantId, OutgoingEvent event) {
        return insert(tenantId, topic, typePrefix, event);
    }

    /**
     * Deletes a row already sent, before its retention ends: for an event that names a person whose
     * erasure is complete. A row not sent yet stays (it is still to be sent).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean forgetSent(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("delete from outbox_event where id = ? and sent_at is not null")) {
            s.setObject(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox delete failed", e);
        }
    }

    private UUID insert(String tenantId, String topic, String typePrefix, OutgoingEvent event) {
        UUID id = UUID.randomUUID();
        String sql = "insert into outbox_event (id, tenant_id, topic, aggregate_id, event_type, payload, occurred_at)"
                + " values (?, ?, ?, ?, ?, cast(? as jsonb), ?)";
        try {
            inserts.insert(
                    sql,
                    id,
                    tenantId,
                    topic,
                    event.aggregateId().toString(),
                    typePrefix + "." + event.type(),
                    json.writeValueAsString(event),
                    Timestamp.from(Instant.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox write failed", e);
        }
        // Wake the relay once the transaction commits instead of waiting for its next poll.
        AfterCommit.run(transactions, () -> relay.wake());
        return id;
    }
}
