import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the local stack's topics and their dead-letter topics once the broker answers.
 * Run with the broker's jars: java -cp '.cache/kafka/*' Topics.java BOOTSTRAP TOPIC...
 */
public class Topics {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                for (String name : List.of(args[i], args[i] + ".dlq")) {
                    if (!existing.contains(name)) {
                        wanted.add(new NewTopic(name, name.endsWith(".dlq") ? 1 : 3, (short) 1)
                                .configs(Map.of("min.insync.replicas", "1")));
                    }
                }
            }
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get();
            }
            System.out.println("topics ready: " + admin.listTopics().names().get());
        }
    }
}
