package org.praxis.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A receiver's answer counts from its status line: a body it drips for ever does not hold the worker. */
@QuarkusTest
class ReceiversTest {
    @Inject
    Receivers receivers;

    @Test
    void aReceiverDrippingItsAnswersBodyDoesNotHoldThePost() throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicBoolean bodyFinished = new AtomicBoolean();
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked, finished only after a minute
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    body.write('.');
                    body.flush();
                    Thread.sleep(100);
                }
                bodyFinished.set(true); // before the stream's end, which a client reading the body waits for
            } catch (IOException | InterruptedException e) {
                // the service hung up: as it should
            }
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Receivers.Outcome outcome = receivers.post(url, "msg_1", "{}", List.of(secret()));
            // Told by what the receiver had done, not by a clock: a post that read the body returns only after it.
            assertFalse(bodyFinished.get(), "the post waited for the whole body");
            assertEquals(200, outcome.statusCode());
            assertNull(outcome.error());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aPostInterruptedWhileTheReceiverThinksIsMarkedInterrupted() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try {
                Thread.sleep(8_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            var outcome = new java.util.concurrent.atomic.AtomicReference<Receivers.Outcome>();
            var stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
            Thread worker = new Thread(() -> {
                outcome.set(receivers.post(url, "msg_2", "{}", List.of(secret())));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            worker.start();
            Thread.sleep(1_000);
            worker.interrupt();
            worker.join(5_000);
            assertTrue(outcome.get().interrupted());
            assertTrue(stillInterrupted.get(), "the worker's loop sees the interrupt too");
        } finally {
            receiver.stop(0);
        }
    }

    private static String secret() {
        return "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    }
}
