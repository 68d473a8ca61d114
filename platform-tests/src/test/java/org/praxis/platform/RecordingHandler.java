package org.praxis.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.security.CallerContext;

/** A consumer for tests: writes one row per applied event, and refuses events marked poison. */
@ApplicationScoped
public class RecordingHandler implements EventHandler {
    static final String TOPIC = "platform-test.inbound";
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    /** Poison events whose cause a test has "fixed": applied from then on (the replay test). */
    static final Set<String> FIXED = ConcurrentHashMap.newKeySet();

    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("org.praxis.test.thing.");
    }

    /** An event whose payload says there is nothing to do is not this handler's to apply. */
    @Override
    public boolean concerns(IncomingEvent event) {
        return !event.payload().path("nothingToDo").asBoolean();
    }

    @Override
    public void handle(IncomingEvent event) {
        int attempt =
                ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (attempt <= event.payload().path("deadlocksFirst").asInt(0)) {
            // What PostgreSQL answers when two transactions wait on each other: not the event's fault.
            throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into applied_effect (event_id, handler, tenant_id, payload) values (?, ?, ?, ?)")) {
            s.setString(1, event.id());
            s.setString(2, name());
            s.setString(3, callerContext.tenantId());
            s.setString(4, event.payload().toString());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (event.payload().path("poison").asBoolean() && !FIXED.contains(event.id())) {
            // Thrown after the insert: the rollback must take the effect away too.
            throw new IllegalStateException("thing " + event.key() + " cannot be applied");
        }
    }
}
