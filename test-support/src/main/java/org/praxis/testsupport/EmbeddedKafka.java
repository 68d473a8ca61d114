package org.praxis.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker inside the test JVM, or an external one named by
 * {@code -Dpraxis.test.kafka.bootstrap-servers=host:port}. The embedded one can be stopped and started
 * again on the same port and log directory, so tests can show that nothing is lost while it is down.
 */
public final class EmbeddedKafka {
    public static final String BOOTSTRAP_PROPERTY = "praxis.test.kafka.bootstrap-servers";

    private static EmbeddedKafka shared;

    private final String bootstrapServers;
    private final Properties brokerProperties;
    private KafkaRaftServer server;

    private EmbeddedKafka(String bootstrapServers, Properties brokerProperties) {
        this.bootstrapServers = bootstrapServers;
        this.brokerProperties = brokerProperties;
    }

    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            String external = System.getProperty(BOOTSTRAP_PROPERTY);
            if (external != null && !external.isBlank()) {
                shared = new EmbeddedKafka(external, null);
            } else {
                shared = started();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
            }
        }
        return shared;
    }

    /**
     * A broker on ports that were free when picked. Another process may take one before the broker binds it (another
     * test JVM, or an outgoing connection's ephemeral port in a busy build): then it starts again on new ports.
     */
    private static EmbeddedKafka started() {
        for (int attempt = 1; ; attempt++) {
            EmbeddedKafka broker = formatted();
            try {
                broker.start();
                return broker;
            } catch (RuntimeException e) {
                broker.abandon();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** After a failed start: frees what it bound, whatever state it is in. */
    private synchronized void abandon() {
        try {
            if (server != null) {
                server.shutdown();
            }
        } catch (RuntimeException ignored) {
            // It never fully started; what matters is that it lets go of its ports.
        }
        server = null;
    }

    private static EmbeddedKafka formatted() {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        try {
            Path logDir = Files.createTempDirectory("praxis-kafka");
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put("log.dirs", logDir.toString());
            p.put("num.partitions", "1");
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("auto.create.topics.enable", "true");
            p.put("log.flush.interval.messages", "1");

            Path config = logDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                p.store(out, "praxis test broker");
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int rc = StorageTool.execute(
                    new String[] {
                        "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"
                    },
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed: " + log.toString(StandardCharsets.UTF_8));
            }
            return new EmbeddedKafka("127.0.0.1:" + port, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean isEmbedded() {
        return brokerProperties != null;
    }

    public synchronized void start() {
        if (!isEmbedded() || server != null) {
            return;
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(brokerProperties, false), Time.SYSTEM);
        server.startup();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }
}
