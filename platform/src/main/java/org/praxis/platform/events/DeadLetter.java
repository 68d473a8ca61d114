package org.praxis.platform.events;

import static org.praxis.platform.events.InboxMarks.APPLIED;
import static org.praxis.platform.events.InboxMarks.DEAD_LETTERED;
import static org.praxis.platform.events.InboxMarks.ERASED_SUBJECT;
import static org.praxis.platform.events.InboxMarks.REPLAYED;
import static org.praxis.platform.events.InboxMarks.SUPERSEDED;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;

/**
 * A dead-lettered event as {@link DeadLetters} shows it. {@code state}: dead-lettered (waiting for a
 * replay), replayed (sent back, not applied yet), or what the handler made of it since (applied,
 * superseded, erased-subject).
 */
public record DeadLetter(
        @Schema(required = true, maxLength = Bounds.UUID) String eventId,
        @Schema(maxLength = Bounds.NAME) String type,
        @Schema(required = true, maxLength = Bounds.CODE) String tenant,
        @Schema(required = true, maxLength = Bounds.CODE) String topic,
        @Schema(maxLength = Bounds.NAME) String key,
        @Schema(maxLength = Bounds.NAME) String handler,
        @Schema(maxLength = Bounds.REASON) String error,
        @Schema(maxLength = Bounds.NAME) String origin,
        @Schema(required = true) Instant occurredAt,

        @Schema(
                required = true,
                enumeration = {DEAD_LETTERED, REPLAYED, APPLIED, SUPERSEDED, ERASED_SUBJECT})
        String state) {}
