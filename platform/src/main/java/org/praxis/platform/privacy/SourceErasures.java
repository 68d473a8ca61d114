package org.praxis.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.EventSources;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.ParkedEvents;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.persistence.AfterCommit;

/**
 * When each source of this service's events erased a person: the {@code <svc>.subject.erased.v1}
 * confirmations on the topics this service reads anyway, recorded by request id. {@link ErasedSubjects}
 * needs it for an event about an erased person sent after the request: a source that had not yet erased
 * them was still sending their past (with their real id), one that had is sending their new activity.
 */
@ApplicationScoped
public class SourceErasures implements EventHandler {
    static final String TYPE_SUFFIX = ".subject.erased.v1";

    @Inject
    PraxisConfig config;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ParkedEvents parked;

    private volatile Set<String> topics;
    private volatile Set<String> confirmingSources;

    @Override
    public String name() {
        return "source-erasures";
    }

    /** The confirmation topics that another handler of this service reads: no topic is read for this alone. */
    @Override
    public Set<String> topics() {
        Set<String> read = topics;
        if (read == null) {
            Set<String> others = new HashSet<>();
            for (EventHandler h : handlers) {
                if (!(h instanceof SourceErasures) && !h.name().equals(name())) {
                    others.addAll(h.topics());
                }
            }
            read = config.privacy().erasureConfirmationTopics().stream()
                    .filter(others::contains)
                    .collect(Collectors.toUnmodifiableSet());
            topics = read;
        }
        return read;
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("org.praxis.") && type.endsWith(TYPE_SUFFIX);
    }

    /** Whether events from {@code source} wait for its confirmation: it erases, and confirms on a topic read here. */
    public boolean confirmsHere(String source) {
        Set<String> sources = confirmingSources;
        if (sources == null) {
            // Asked for every event naming a person: the owners are worked out once.
            sources = topics().stream()
                    .map(t -> EventSources.ownerOf(t, config.inbox().sources()))
                    .collect(Collectors.toUnmodifiableSet());
            confirmingSources = sources;
        }
        return sources.contains(source);
    }

    @Override
    public void handle(IncomingEvent event) {
        String requestId = event.payload().path("requestId").asText("");
        if (requestId.isBlank()) {
            throw new UnprocessableEvent("subject.erased needs a requestId");
        }
        // The source's own clock, as on the events it sent: those from before this erased the past.
        Instant at = event.time() == null ? Instant.now() : event.time();
        Statements.update(
                dataSource,
                // Once only; but the source's own confirmation replaces what V0_14 estimated for a request under way.
                "insert into source_erasure (tenant_id, request_id, source, erased_at) values (?, ?, ?, ?)"
                        + " on conflict (tenant_id, request_id, source) do update set erased_at = excluded.erased_at,"
                        + " backfilled = false where source_erasure.backfilled",
                event.tenantId(),
                requestId,
                event.source(),
                Timestamp.from(at));
        // Events parked until this confirmation go through now, not at the next periodic offer.
        AfterCommit.run(transactions, () -> parked.wake());
    }
}
