package org.praxis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load driver's HTTP/1.1 client: what it reads off the wire and what it writes. */
class HttpConnectionTest {

    private static InputStream wire(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aContentLengthBodyIsReadExactlyAndTheNextAnswerOnTheSameConnectionFollows() throws Exception {
        InputStream in = wire("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\ncontent-length: 10\r\n"
                + "Location: /v1/x\r\n\r\n{\"a\":\"é\"}HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]");
        HttpConnection.Reply first = HttpConnection.read(in);
        assertEquals(201, first.statusCode());
        assertEquals("{\"a\":\"é\"}", first.body()); // 10 bytes: é is two in UTF-8
        assertEquals("/v1/x", first.header("LOCATION"));
        HttpConnection.Reply second = HttpConnection.read(in);
        assertEquals(200, second.statusCode());
        assertEquals("[]", second.body());
    }

    @Test
    void aChunkedBodyIsJoinedIgnoringExtensionsAndTrailers() throws Exception {
        InputStream in = wire("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=x\r\n{\"ite\r\nA\r\nms\":[1,2]}\r\n0\r\nX-Trailer: t\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
        HttpConnection.Reply r = HttpConnection.read(in);
        assertEquals("{\"items\":[1,2]}", r.body());
        assertEquals(204, HttpConnection.read(in).statusCode());
    }

    @Test
    void aNotModifiedAnswerHasNoBodyWhateverItsContentLengthSays() throws Exception {
        InputStream in = wire("HTTP/1.1 304 Not Modified\r\nETag: \"3\"\r\nContent-Length: 120\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
        HttpConnection.Reply r = HttpConnection.read(in);
        assertEquals(304, r.statusCode());
        assertEquals("", r.body());
        assertEquals("\"3\"", r.header("etag"));
        assertEquals("x", HttpConnection.read(in).body());
    }

    @Test
    void aStreamThatEndsEarlyIsAnErrorNotAShortAnswer() {
        assertThrows(EOFException.class, () -> HttpConnection.read(wire("")));
        assertThrows(
                EOFException.class,
                () -> HttpConnection.read(wire("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")));
        assertThrows(Exception.class, () -> HttpConnection.read(wire("SSH-2.0-OpenSSH\r\n\r\n")));
    }

    @Test
    void theRequestCarriesItsHeadersAndTheBodysLengthInBytesAndLeavesOutAbsentHeaders() {
        HttpConnection c = new HttpConnection("127.0.0.1", 8081);
        String request = new String(
                c.request(
                        "POST",
                        "/v1/a",
                        "application/json",
                        "{\"n\":\"é\"}",
                        "Authorization",
                        "Bearer t",
                        "Idempotency-Key",
                        null),
                StandardCharsets.UTF_8);
        assertTrue(request.startsWith("POST /v1/a HTTP/1.1\r\nHost: 127.0.0.1:8081\r\nAuthorization: Bearer t\r\n"));
        assertTrue(request.contains("Content-Length: 10\r\n"), request);
        assertTrue(!request.contains("Idempotency-Key"), request);
        assertTrue(request.endsWith("\r\n\r\n{\"n\":\"é\"}"), request);
    }

    @Test
    void aKeptAliveConnectionTheServerClosedIsReopenedForTheNextRequest() throws Exception {
        List<String> seen = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0)) {
            Thread serving = new Thread(() -> {
                // Two connections, each answering one request and then closing: the client must reconnect.
                for (int i = 0; i < 2; i++) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        StringBuilder head = new StringBuilder();
                        while (!head.toString().endsWith("\r\n\r\n")) {
                            head.append((char) in.read());
                        }
                        synchronized (seen) {
                            seen.add(head.toString().split("\r\n")[0]);
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(
                                ("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + i).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            serving.start();
            try (HttpConnection c = new HttpConnection("127.0.0.1", server.getLocalPort())) {
                assertEquals("0", c.send("GET", "/first", null, null).body());
                Thread.sleep(100); // the server has closed the first connection by now
                assertEquals("1", c.send("GET", "/second", null, null).body());
            }
            serving.join(5000);
        }
        assertEquals(List.of("GET /first HTTP/1.1", "GET /second HTTP/1.1"), seen);
    }
}
