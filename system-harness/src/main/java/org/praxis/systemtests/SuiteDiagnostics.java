package org.praxis.systemtests;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.praxis.testsupport.TopicProbe;

/** On a failure, prints what is needed to diagnose it without running again: log tails and the last events. */
public class SuiteDiagnostics implements TestWatcher {
    static final List<String> TOPICS =
            List.of("intake.events", "session.events", "referral.events", "assessment.events", "privacy.events");

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        StringBuilder report =
                new StringBuilder("\n===== system test failed: " + context.getDisplayName() + " =====\n");
        Suite suite = Suite.shared();
        for (ServiceProcess s : suite.services.values()) {
            report.append("----- ")
                    .append(s.name)
                    .append(" (")
                    .append(s.ready() ? "ready" : "NOT ready")
                    .append("), last 60 log lines -----\n")
                    .append(s.tail(60))
                    .append('\n');
        }
        for (String topic : TOPICS) {
            List<ConsumerRecord<String, String>> all =
                    TopicProbe.read(topic, r -> true, f -> false, Duration.ofSeconds(2));
            report.append("----- ")
                    .append(topic)
                    .append(": ")
                    .append(all.size())
                    .append(" records, the last 10 -----\n");
            for (ConsumerRecord<String, String> r : all.subList(Math.max(0, all.size() - 10), all.size())) {
                report.append(TopicProbe.header(r, "ce_type"))
                        .append(" tenant=")
                        .append(TopicProbe.header(r, "ce_tenant"))
                        .append(" key=")
                        .append(r.key())
                        .append(' ')
                        .append(r.value())
                        .append('\n');
            }
        }
        System.err.println(report);
    }
}
