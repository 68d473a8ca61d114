package org.praxis.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.praxis.platform.settings.TenantSettingsRow;

/** A tenant's stored words for clients (see {@link ClientWording}), the texts as one JSON column. */
@Entity
@Table(name = "client_wording")
public class TenantClientWording extends TenantSettingsRow<ClientWording> {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String texts;

    @Override
    public ClientWording read() {
        try {
            return new ClientWording(JSON.readValue(texts, new TypeReference<List<ClientWording.Text>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored client wording unreadable", e);
        }
    }

    @Override
    public void write(ClientWording wording) {
        try {
            texts = JSON.writeValueAsString(wording.texts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
