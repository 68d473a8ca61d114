import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * smoke's webhook endpoint on loopback (the local stack allows private endpoints):
 * {@code serve DIR} answers every POST with 204 and keeps each request in DIR (its port in DIR/port);
 * {@code verify DIR SECRET} prints the webhook-id of each request whose Standard Webhooks signature
 * matches SECRET, and "bad <id>" for one that does not.
 */
public class WebhookReceiver {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("serve")) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            int[] count = {0};
            server.createContext("/", exchange -> {
                var h = exchange.getRequestHeaders();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String record = h.getFirst("webhook-id") + "\n" + h.getFirst("webhook-timestamp") + "\n"
                        + h.getFirst("webhook-signature") + "\n" + body;
                synchronized (count) {
                    Files.writeString(dir.resolve("request-" + (++count[0])), record);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            Files.writeString(dir.resolve("port"), Integer.toString(server.getAddress().getPort()));
            return;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(args[2].substring("whsec_".length())), "HmacSHA256"));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("request-")).toList()) {
                String[] r = Files.readString(f).split("\n", 4);
                String expected = "v1," + Base64.getEncoder()
                        .encodeToString(mac.doFinal((r[0] + "." + r[1] + "." + r[3]).getBytes(StandardCharsets.UTF_8)));
                System.out.println((Arrays.asList(r[2].split(" ")).contains(expected) ? "" : "bad ") + r[0]);
            }
        }
    }
}
