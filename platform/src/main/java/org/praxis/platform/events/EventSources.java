package org.praxis.platform.events;

/**
 * Who may publish on a topic: each topic has one owner, named by the {@code ce_source} of its events.
 * {@code intake.events} belongs to {@code /intake-service}, {@code privacy.events} to {@code /privacy}
 * (the organisation's privacy process); other owners are configured ({@code praxis.inbox.sources}).
 */
public final class EventSources {
    private EventSources() {}

    /** The {@code ce_source} every event on {@code topic} carries; {@code configured}: {@code praxis.inbox.sources}. */
    public static String ownerOf(String topic, String configured) {
        for (String entry : configured.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && entry.substring(0, eq).trim().equals(topic)) {
                return entry.substring(eq + 1).trim();
            }
        }
        if (topic.equals("privacy.events")) {
            return "/privacy";
        }
        int dot = topic.indexOf('.');
        return "/" + (dot < 0 ? topic : topic.substring(0, dot)) + "-service";
    }

    /** A header value as a dead letter may show it: short, never a payload smuggled into a header. */
    public static String shown(String source) {
        if (source == null) {
            return "(none)";
        }
        return source.length() <= 80 ? source : source.substring(0, 80) + "…";
    }
}
