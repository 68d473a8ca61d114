package org.praxis.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;

/** A state-replacing consumer for tests (like an eligibility register): each event replaces the value held for its key. */
@ApplicationScoped
public class RegisterHandler implements EventHandler {
    static final String TYPE = "org.praxis.test.register.replaced.v1";

    @Inject
    DataSource dataSource;

    @Override
    public String name() {
        return "register";
    }

    @Override
    public Set<String> topics() {
        return Set.of(RecordingHandler.TOPIC);
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    public void handle(IncomingEvent event) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("insert into register_entry (tenant_id, entry_key, value) values (?, ?, ?)"
                                + " on conflict (tenant_id, entry_key) do update set value = excluded.value")) {
            s.setString(1, event.tenantId());
            s.setString(2, event.key());
            s.setString(3, event.payload().path("value").asText());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
