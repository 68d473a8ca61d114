package org.praxis.platform.events;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.privacy.ErasedSubjects;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;

/**
 * One event applied to one handler, for the {@link InboxConsumer}: when the handler says it concerns it, in a
 * transaction of its own, as the service acting for the event's tenant, at most once (the inbox mark), never about a person erased
 * since, and never over newer state of a handler that replaces state.
 */
@ApplicationScoped
class AppliedOnce {
    @Inject
    PraxisConfig config;

    @Inject
    InboxMarks marks;

    @Inject
    ErasedSubjects erasedSubjects;

    void apply(EventHandler handler, IncomingEvent event) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container()
                    .instance(CallerContext.class)
                    .get()
                    .actAs(Caller.system(config.service(), event.tenantId()));
            if (!handler.concerns(event)) {
                return; // nothing to apply: no transaction, no inbox mark
            }
            QuarkusTransaction.requiringNew().run(() -> {
                if (!marks.claim(handler.name(), event, InboxMarks.APPLIED)) {
                    return;
                }
                IncomingEvent screened = erasedSubjects.screen(event);
                if (screened == null) {
                    marks.outcome(
                            handler,
                            event,
                            InboxMarks.ERASED_SUBJECT); // sent before the person's erasure, read after it
                } else if (handler.replacesState() && !marks.newest(handler, event)) {
                    marks.outcome(
                            handler, event, InboxMarks.SUPERSEDED); // newer state for this key was applied already
                } else {
                    handler.handle(screened);
                }
            });
        } finally {
            requestContext.terminate();
        }
    }
}
