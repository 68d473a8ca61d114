package org.praxis.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Each risk flag's times as the services' own tables keep them ({@link RiskStages}): intake's outbox row
 * ({@code sent_at}: the relay marked it sent after the broker's acknowledgement), referral-service's inbox row
 * ({@code received_at}: PostgreSQL's {@code now()}, the start of the transaction that applied the event) and the
 * draft ({@code created_at}).
 */
final class RiskTraces {
    private RiskTraces() {}

    /** The databases' times of each flag's event, by intake. */
    static Map<UUID, RiskStages.Trace> of(LocalStack stack) throws SQLException {
        Map<UUID, Long> sent = new HashMap<>();
        Map<String, UUID> intakeOfEvent = new HashMap<>();
        try (Connection intake = stack.connect("intake");
                PreparedStatement s = intake.prepareStatement("select id::text, payload->>'intakeId',"
                        + " (extract(epoch from sent_at) * 1000000)::bigint from outbox_event"
                        + " where event_type like '%risk-flag.raised%' and sent_at is not null");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                UUID intakeId = UUID.fromString(r.getString(2));
                intakeOfEvent.put(r.getString(1), intakeId);
                sent.put(intakeId, r.getLong(3));
            }
        }
        Map<UUID, Long> received = new HashMap<>();
        Map<UUID, Long> created = new HashMap<>();
        try (Connection referral = stack.connect("referral")) {
            try (PreparedStatement s = referral.prepareStatement(
                            "select event_id, (extract(epoch from received_at) * 1000000)::bigint from inbox_event");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID intakeId = intakeOfEvent.get(r.getString(1));
                    if (intakeId != null) {
                        received.put(intakeId, r.getLong(2));
                    }
                }
            }
            try (PreparedStatement s = referral.prepareStatement("select intake_id,"
                            + " (extract(epoch from created_at) * 1000000)::bigint from referral"
                            + " where origin = 'risk-flag'");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    created.put(r.getObject(1, UUID.class), r.getLong(2));
                }
            }
        }
        Map<UUID, RiskStages.Trace> traces = new HashMap<>();
        sent.forEach((intakeId, at) -> {
            if (received.containsKey(intakeId) && created.containsKey(intakeId)) {
                traces.put(intakeId, new RiskStages.Trace(at, received.get(intakeId), created.get(intakeId)));
            }
        });
        return traces;
    }
}
