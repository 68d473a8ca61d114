package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.SessionNote;

/**
 * Notes of an engagement. The practitioner sees and writes every note. A client sees shared
 * summaries of their own engagement only, never a private note. A supervisor of the practitioner
 * sees the shared summaries, and reads a private note only with a recorded reason
 * ({@link Action#READ_PRIVATE}, audited with the reason). "The practitioner" is the engagement's
 * practitioner now: after a handover the old coach's notes, private ones too, stay with the engagement (the
 * history is kept, and the new coach needs it); the new coach reads them and the old coach reaches none.
 * Only the note's author edits or signs it ({@link Relation#AUTHOR}): a new coach adds an addendum to a signed
 * note, or a note of their own, never words under another coach's name (a previous coach's draft stays unsigned).
 */
public final class NotePolicy extends Policy<SessionNote, NotePolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        READ_PRIVATE,
        WRITE,
        EDIT,
        SIGN,
        ADD_ADDENDUM
    }

    public static final Field<SessionNote, UUID> ENGAGEMENT = Field.of("engagementId", n -> n.engagementId);
    public static final Field<SessionNote, String> KIND = Field.of("kind", n -> n.kind);
    public static final Field<SessionNote, String> AUTHOR = Field.of("author", n -> n.author);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("note", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN_SHARED)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED_SHARED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN_SHARED)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED_SHARED)
            .allow(Action.READ_PRIVATE, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.READ_PRIVATE, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.WRITE, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.EDIT, Roles.COACH, Relation.AUTHOR)
            .allow(Action.SIGN, Roles.COACH, Relation.AUTHOR)
            .allow(Action.ADD_ADDENDUM, Roles.COACH, Relation.PRACTITIONER)
            .audit(Action.VIEW, "read (shared note)")
            .audit(Action.READ_PRIVATE, "read (private note; a supervisor's with the reason)")
            .audit(Action.WRITE, "write")
            .audit(Action.EDIT, "edit")
            .audit(Action.SIGN, "sign")
            .audit(Action.ADD_ADDENDUM, "addendum")
            .build();

    private final EngagementRelations relations;

    public NotePolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Note");
        this.relations = relations;
    }

    @Override
    protected Criterion<SessionNote> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            case AUTHOR -> AUTHOR.is(caller.subject()).and(relations.via(ENGAGEMENT, Relation.PRACTITIONER, caller));
            case OWN_SHARED -> KIND.is(SessionNote.SHARED).and(relations.via(ENGAGEMENT, Relation.OWN, caller));
            case SUPERVISED_SHARED ->
                KIND.is(SessionNote.SHARED).and(relations.via(ENGAGEMENT, Relation.SUPERVISED, caller));
            default -> Criterion.none();
        };
    }

    /** A private note read by someone other than the engagement's practitioner needs a reason. */
    public boolean needsReason(Caller caller, SessionNote n) {
        return SessionNote.PRIVATE.equals(n.kind)
                && !relation(Relation.PRACTITIONER, caller).test(n);
    }
}
