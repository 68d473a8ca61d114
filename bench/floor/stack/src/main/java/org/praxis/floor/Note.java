package org.praxis.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** One row per request: the least a write through Hibernate costs. */
@Entity
public class Note extends PanacheEntityBase {
    @Id
    public UUID id;

    public String text;
}
