import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The local broker's storage, topics, users' ACLs and the check that they hold. Run with the broker's jars:
 * <pre>
 * java -cp '.cache/kafka-VERSION/*' Topics.java format SERVER_PROPERTIES USERS_DIR
 *     formats the log directory with a SCRAM-SHA-512 credential for every USERS_DIR/NAME.password
 * java -cp ... Topics.java setup BOOTSTRAP USERS_DIR TOPIC... -- USER=WRITTEN,WRITTEN.../CONSUMED,CONSUMED...
 *     as the admin user: creates the topics and their .dlq, and makes each service user's ACLs exactly
 *     those of deploy/k8s/base/platform/kafka-users.yaml (plus Read on the .dlq it writes, which the
 *     dead-letter list needs)
 * java -cp ... Topics.java probe BOOTSTRAP CONTROLLER USERS_DIR TOPIC... -- USER=WRITTEN,.../CONSUMED,...
 *     what smoke runs: every refusal the ACLs promise, one line each, exit status = failures
 * </pre>
 * Passwords are read from files, never taken from the command line.
 */
public class Topics {
    static final String ADMIN = "admin";
    static final String MECHANISM = "SCRAM-SHA-512";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "format" -> format(Path.of(args[1]), Path.of(args[2]));
            case "setup" -> setup(args[1], Path.of(args[2]), tail(args, 3));
            case "probe" -> System.exit(new Probe(args[1], args[2], Path.of(args[3]), tail(args, 4)).run());
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static String[] tail(String[] args, int from) {
        return java.util.Arrays.copyOfRange(args, from, args.length);
    }

    // ------------------------------------------------------------------------------------ format
    static void format(Path config, Path users) throws Exception {
        List<String> a = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        try (Stream<Path> files = Files.list(users)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".password")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".password", "");
                a.add("--add-scram");
                a.add(MECHANISM + "=[name=" + name + ",password=" + password(f) + "]");
            }
        }
        kafka.tools.StorageTool.main(a.toArray(String[]::new));
    }

    static String password(Path file) throws Exception {
        return Files.readString(file).strip();
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** How a user of the client listener connects: SASL/SCRAM-SHA-512 over loopback. */
    static Properties client(String bootstrap, String user, String password) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        return p;
    }

    static Properties adminClient(String bootstrap, Path users) throws Exception {
        Properties p = client(bootstrap, ADMIN, password(users.resolve(ADMIN + ".password")));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return p;
    }

    // ------------------------------------------------------------------------------------ the ACL model
    /**
     * A service user: the topics it writes (its own first; the erasure coordinator privacy.events too), the
     * topics it consumes; its consumer group is its name.
     */
    record ServiceUser(String name, List<String> writes, List<String> consumes) {
        static ServiceUser parse(String spec) {
            String[] nameRest = spec.split("=", 2);
            String[] writtenConsumed = nameRest[1].split("/", 2);
            List<String> consumed = writtenConsumed.length < 2 || writtenConsumed[1].isBlank() ? List.of()
                    : List.of(writtenConsumed[1].split(","));
            // A user that only reads (webhook-service) writes nothing but its .dlq topics.
            List<String> written = writtenConsumed[0].isBlank() ? List.of() : List.of(writtenConsumed[0].split(","));
            return new ServiceUser(nameRest[0], written, consumed);
        }

        /** The service's own topic, {@code <svc>.events}. */
        String own() {
            return writes.get(0);
        }

        String principal() {
            return "User:" + name;
        }

        /** The ACLs of deploy/k8s's KafkaUser for this service, and Read on the .dlq topics it writes. */
        Set<AclBinding> acls() {
            Set<AclBinding> acls = new HashSet<>();
            for (String topic : writes) {
                allow(acls, ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            for (String topic : consumes) {
                allow(acls, ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE);
                // Dead letters go to <topic>.dlq; GET /v1/dead-letters reads them back (by assignment, no group).
                allow(acls, ResourceType.TOPIC, topic + ".dlq", AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.READ);
            }
            allow(acls, ResourceType.GROUP, name, AclOperation.READ);
            allow(acls, ResourceType.CLUSTER, "kafka-cluster", AclOperation.IDEMPOTENT_WRITE);
            return acls;
        }

        private void allow(Set<AclBinding> acls, ResourceType type, String resource, AclOperation... operations) {
            for (AclOperation op : operations) {
                acls.add(new AclBinding(new ResourcePattern(type, resource, PatternType.LITERAL),
                        new AccessControlEntry(principal(), "*", op, AclPermissionType.ALLOW)));
            }
        }
    }

    /** Splits "TOPIC... -- USER=OWN/CONSUMED,..." into topics and users. */
    static List<ServiceUser> users(String[] args, List<String> topics) {
        List<ServiceUser> users = new ArrayList<>();
        boolean afterDashes = false;
        for (String a : args) {
            if (a.equals("--")) {
                afterDashes = true;
            } else if (afterDashes) {
                users.add(ServiceUser.parse(a));
            } else {
                topics.add(a);
            }
        }
        return users;
    }

    // ------------------------------------------------------------------------------------ setup
    static void setup(String bootstrap, Path usersDir, String[] args) throws Exception {
        List<String> topics = new ArrayList<>();
        List<ServiceUser> users = users(args, topics);
        try (Admin admin = Admin.create(adminClient(bootstrap, usersDir))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (String topic : topics) {
                for (String name : List.of(topic, topic + ".dlq")) {
                    if (!existing.contains(name)) {
                        wanted.add(new NewTopic(name, name.endsWith(".dlq") ? 1 : 3, (short) 1)
                                .configs(Map.of("min.insync.replicas", "1")));
                    }
                }
            }
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get();
            }

            // Exactly the wanted ACLs for these users: missing ones added, any other of theirs removed.
            Set<AclBinding> want = new HashSet<>();
            users.forEach(u -> want.addAll(u.acls()));
            Set<String> principals = new HashSet<>();
            users.forEach(u -> principals.add(u.principal()));
            List<AclBindingFilter> stale = new ArrayList<>();
            Set<AclBinding> have = new HashSet<>();
            for (AclBinding b : admin.describeAcls(AclBindingFilter.ANY).values().get()) {
                if (!principals.contains(b.entry().principal())) {
                    continue;
                }
                if (want.contains(b)) {
                    have.add(b);
                } else {
                    stale.add(b.toFilter());
                }
            }
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get();
            }
            Set<AclBinding> add = new HashSet<>(want);
            add.removeAll(have);
            if (!add.isEmpty()) {
                admin.createAcls(add).all().get();
            }
            System.out.println("topics ready: " + new TreeSet<>(admin.listTopics().names().get()));
            System.out.printf("acls ready: %d for %s (%d added, %d removed)%n", want.size(),
                    new TreeSet<>(principals), add.size(), stale.size());
        }
    }

    // ------------------------------------------------------------------------------------ probe
    /** Each refusal the local broker must give, tried for real. */
    static final class Probe {
        final String bootstrap;
        final String controller;
        final Path usersDir;
        final List<String> topics = new ArrayList<>();
        final Map<String, ServiceUser> users = new LinkedHashMap<>();
        int failures;

        Probe(String bootstrap, String controller, Path usersDir, String[] args) {
            this.bootstrap = bootstrap;
            this.controller = controller;
            this.usersDir = usersDir;
            users(args, topics).forEach(u -> users.put(u.name(), u));
        }

        int run() throws Exception {
            for (ServiceUser u : users.values()) {
                Properties p = client(bootstrap, u.name(), password(usersDir.resolve(u.name() + ".password")));
                expect(u.name() + " may write " + (u.writes().isEmpty() ? "nothing" : String.join(", ", u.writes())) + ", read " + String.join(", ", u.consumes())
                        + ", write and read their .dlq, use group " + u.name(), null, () -> allowed(p, u));
                for (String topic : topics) {
                    if (!u.writes().contains(topic)) {
                        expect(u.name() + " cannot write a forged record to " + topic, "TopicAuthorizationException",
                                () -> produce(p, topic));
                    }
                }
                for (String topic : topics) {
                    if (!u.writes().contains(topic) && !u.consumes().contains(topic)) {
                        expect(u.name() + " cannot read " + topic, "TopicAuthorizationException", () -> read(p, topic, null));
                    }
                }
            }
            ServiceUser intake = users.values().iterator().next();
            Properties p = client(bootstrap, intake.name(), password(usersDir.resolve(intake.name() + ".password")));
            ServiceUser other = users.values().stream().filter(u -> u != intake).findFirst().orElseThrow();
            expect(intake.name() + " cannot join " + other.name() + "'s consumer group", "GroupAuthorizationException",
                    () -> read(p, intake.consumes().get(0), other.name()));
            expect(intake.name() + " cannot grant itself Write on " + other.own(), "ClusterAuthorizationException",
                    () -> grant(p, intake.principal(), other.own()));
            expect(intake.name() + " cannot create a topic", "TopicAuthorizationException",
                    () -> createTopic(p, intake.own() + ".forged"));
            expect("a wrong password is refused", "SaslAuthenticationException",
                    () -> describe(client(bootstrap, intake.name(), "not-the-password"), intake.own()));

            Properties plain = new Properties();
            plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            expect("a plaintext (anonymous) client gets no topic list", "TimeoutException", () -> listTopics(plain));
            expect("a plaintext (anonymous) client cannot write " + other.own(), "TimeoutException",
                    () -> produce(plain, other.own()));
            Properties plainController = new Properties();
            plainController.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller);
            expect("a plaintext (anonymous) client gets nothing from the controller listener", "TimeoutException",
                    () -> describeCluster(plainController));
            return failures;
        }

        /** expected null: must succeed; otherwise the simple name of the exception (or a cause) it must fail with. */
        void expect(String what, String expected, Callable action) {
            String got;
            try {
                action.call();
                got = null;
            } catch (Exception e) {
                got = causeNamed(e, expected);
            }
            boolean ok = expected == null ? got == null : expected.equals(got);
            if (ok) {
                System.out.println("ok    kafka: " + what + (expected == null ? "" : " (" + expected + ")"));
            } else {
                failures++;
                System.out.println("FAIL  kafka: " + what + ": expected " + (expected == null ? "success" : expected)
                        + ", got " + (got == null ? "success" : got));
            }
        }

        static String causeNamed(Throwable e, String expected) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getClass().getSimpleName().equals(expected)) {
                    return expected;
                }
            }
            Throwable root = e;
            while (root.getCause() != null && root instanceof java.util.concurrent.ExecutionException) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }

        /** Whether the broker grants what the service needs, asked without writing or joining its group. */
        void allowed(Properties p, ServiceUser u) throws Exception {
            Map<String, Set<AclOperation>> needs = new LinkedHashMap<>();
            for (String topic : u.writes()) {
                needs.computeIfAbsent(topic, t -> new HashSet<>()).addAll(Set.of(AclOperation.WRITE, AclOperation.DESCRIBE));
            }
            for (String topic : u.consumes()) {
                needs.computeIfAbsent(topic, t -> new HashSet<>()).addAll(Set.of(AclOperation.READ, AclOperation.DESCRIBE));
                needs.computeIfAbsent(topic + ".dlq", t -> new HashSet<>())
                        .addAll(Set.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE));
            }
            List<String> missing = new ArrayList<>();
            try (Admin admin = Admin.create(quick(p))) {
                var described = admin.describeTopics(needs.keySet(),
                        new DescribeTopicsOptions().includeAuthorizedOperations(true)).allTopicNames().get(10, TimeUnit.SECONDS);
                needs.forEach((topic, ops) -> {
                    Set<AclOperation> granted = described.get(topic).authorizedOperations();
                    ops.stream().filter(op -> !granted.contains(op)).forEach(op -> missing.add(op + " on " + topic));
                });
                try {
                    var group = admin.describeConsumerGroups(List.of(u.name()), new DescribeConsumerGroupsOptions()
                            .includeAuthorizedOperations(true)).all().get(10, TimeUnit.SECONDS).get(u.name());
                    if (!group.authorizedOperations().contains(AclOperation.READ)) {
                        missing.add("READ on group " + u.name());
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // No such group while the service has not consumed yet: it was authorised to ask (its only
                    // ACL on the group is READ); a group it may not use answers GroupAuthorizationException.
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                        throw e;
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("not granted: " + missing);
            }
        }

        void describe(Properties p, String topic) throws Exception {
            try (Admin admin = Admin.create(quick(p))) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS);
            }
        }

        void listTopics(Properties p) throws Exception {
            try (Admin admin = Admin.create(quick(p))) {
                admin.listTopics().names().get(10, TimeUnit.SECONDS);
            }
        }

        void describeCluster(Properties p) throws Exception {
            try (Admin admin = Admin.create(quick(p))) {
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            }
        }

        void createTopic(Properties p, String topic) throws Exception {
            try (Admin admin = Admin.create(quick(p))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
        }

        void grant(Properties p, String principal, String topic) throws Exception {
            try (Admin admin = Admin.create(quick(p))) {
                admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                        new AccessControlEntry(principal, "*", AclOperation.WRITE, AclPermissionType.ALLOW))))
                        .all().get(10, TimeUnit.SECONDS);
            }
        }

        /** A forged event, as a service's outbox relay would send it: idempotent, acks=all, CloudEvents headers. */
        void produce(Properties base, String topic) throws Exception {
            Properties p = new Properties();
            p.putAll(base);
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                ProducerRecord<String, String> forged = new ProducerRecord<>(topic, "forged", "{\"forged\":true}");
                forged.headers().add("ce_source", ("/" + topic.replace(".events", "") + "-service").getBytes());
                forged.headers().add("ce_id", Uuid.randomUuid().toString().getBytes());
                producer.send(forged).get(15, TimeUnit.SECONDS);
            }
        }

        void read(Properties base, String topic, String group) throws Exception {
            Properties p = new Properties();
            p.putAll(base);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
            p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            if (group != null) {
                p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                if (group != null) {
                    consumer.subscribe(List.of(topic));
                } else {
                    consumer.assign(List.of(new TopicPartition(topic, 0)));
                    consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500));
                    if (group == null) {
                        consumer.position(new TopicPartition(topic, 0)); // an offset, i.e. the topic was readable
                        return;
                    }
                }
                throw new IllegalStateException("neither records nor a refusal in 10 s");
            }
        }

        static Properties quick(Properties base) {
            Properties p = new Properties();
            p.putAll(base);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 6000);
            return p;
        }
    }

    @FunctionalInterface
    interface Callable {
        void call() throws Exception;
    }
}
