package br.com.opera360.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A portal client in its own JVM, as a browser or an integration is: it shares the machine's cores with the server
 * but not its heap, JIT or garbage collector. Driven line by line on stdin by {@link ServiceMapBenchmark}, so its
 * requests interleave with the in-process candidates round after round.
 * <p>
 * Apache HttpClient 5 classic: a blocking client on one keep-alive connection, so a request costs the calling
 * thread's socket I/O and no hand-over between client threads (the JDK's {@code HttpClient} adds about 0.8 ms per
 * request here for those hand-overs).
 * <p>
 * Protocol: each input line is {@code <path> [<json field holding the rows>]}; the client sends one keep-alive
 * HTTP/1.1 GET with the bearer token given as first argument, parses the JSON answer and writes one line
 * {@code <status> <nanos> <rows>} (nanos from sending the request to the parsed body). An empty line ends it.
 */
public final class ExternalHttpClient {
    private ExternalHttpClient() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        ObjectMapper json = new ObjectMapper();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (CloseableHttpClient http = HttpClients.createMinimal()) {
            String line;
            while ((line = in.readLine()) != null && !line.isBlank()) {
                String[] parts = line.strip().split(" ");
                var request = new HttpGet(base + parts[0]);
                request.addHeader("Authorization", "Bearer " + token);
                long start = System.nanoTime();
                Answer answer = http.execute(request, response -> new Answer(response.getCode(),
                        json.readTree(EntityUtils.toByteArray(response.getEntity()))));
                long nanos = System.nanoTime() - start;
                JsonNode rows = parts.length > 1 ? answer.body().path(parts[1]) : answer.body();
                out.println(answer.status() + " " + nanos + " " + (rows.isArray() ? rows.size() : 1));
                out.flush();
            }
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    /** The parent's side: one request per call, timed by the child. */
    static final class Driver implements AutoCloseable {
        private final ChildJvm child;

        private Driver(ChildJvm child) {
            this.child = child;
        }

        static Driver start(int port, String token) throws IOException {
            return new Driver(ChildJvm.start(ExternalHttpClient.class, "http://localhost:" + port, token));
        }

        /** One GET of {@code path}, timed by the child; fails unless the answer is 200. */
        ServiceMapBenchmark.Sample get(String path, String rowsField) throws IOException {
            String[] parts = child.ask(rowsField == null ? path : path + " " + rowsField);
            if (!"200".equals(parts[0])) throw new IllegalStateException("GET " + path + " answered " + parts[0]);
            return new ServiceMapBenchmark.Sample(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
        }

        @Override
        public void close() {
            child.close();
        }
    }
}
