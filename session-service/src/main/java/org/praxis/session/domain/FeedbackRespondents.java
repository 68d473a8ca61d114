package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.praxis.platform.persistence.TenantQueries;

/**
 * Who gave a practitioner's feedback answers. A client answers after each session, so five answers may be one
 * client's: a month's means and a published batch count clients, not answers, before they show anything. An
 * answer names its engagement, not its client; an erased client's answers name neither and count as one client
 * together, so erasures never make a group look bigger than it is.
 */
@ApplicationScoped
public class FeedbackRespondents {
    /** Clients a month's means and comments need. */
    public static final int MINIMUM_CLIENTS = 3;
    /** Answers of one client a published batch takes at most: five answers then span three clients or more. */
    public static final int PER_CLIENT_IN_BATCH = 2;

    private static final String ERASED = "";

    @Inject
    TenantQueries tenant;

    /** Each answer's client (an erased one's: one shared key). */
    public Function<SessionFeedback, String> of(List<SessionFeedback> answers) {
        Set<java.util.UUID> engagementIds = answers.stream()
                .map(f -> f.engagementId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<java.util.UUID, String> clients = new HashMap<>();
        if (!engagementIds.isEmpty()) {
            tenant.select(Engagement.class, "e.id in :ids", null, Map.of("ids", engagementIds))
                    .getResultStream()
                    .forEach(e -> clients.put(e.id, e.clientSubject));
        }
        return f -> f.engagementId == null ? ERASED : clients.getOrDefault(f.engagementId, f.engagementId.toString());
    }

    public static long count(List<SessionFeedback> answers, Function<SessionFeedback, String> client) {
        return answers.stream().map(client).distinct().count();
    }

    /**
     * The oldest {@code size} answers with at most {@link #PER_CLIENT_IN_BATCH} of any one client, oldest first;
     * empty while there are not enough. Answers passed over wait for a later batch.
     */
    public static <T> List<T> firstBatch(List<T> oldestFirst, Function<T, String> client, int size) {
        Map<String, Integer> taken = new HashMap<>();
        List<T> batch = new ArrayList<>();
        for (T answer : oldestFirst) {
            if (batch.size() == size) {
                break;
            }
            if (taken.merge(client.apply(answer), 1, Integer::sum) <= PER_CLIENT_IN_BATCH) {
                batch.add(answer);
            }
        }
        return batch.size() == size ? batch : List.of();
    }
}
