package br.com.opera360.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real application jar ({@code java -jar opera360.jar}) as a child process on a free loopback port, its output
 * appended to a log file. Every started process is remembered and killed by {@link #killAll()} and, should the test
 * JVM itself be stopped, by a shutdown hook: a failed test never leaves an application running.
 */
public final class AppProcess {
    /** Java reports a process ended by a signal as 128 + the signal number; SIGKILL is 9. */
    static final int EXIT_BY_SIGKILL = 128 + 9;

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AppProcess::killAll, "kill-app-processes"));
        // The JDK client keeps idle connections for 20 minutes, and the application's graceful shutdown waits for open
        // connections up to its 30 s phase timeout; idle ones closed after 1 s let SIGTERM end the application at once.
        System.setProperty("jdk.httpclient.keepalive.timeout", "1");
    }

    /** The application jar {@code mvn package} built ({@code -Dopera360.jar=} names another). */
    public static Path builtJar() {
        Path jar = Path.of(System.getProperty("opera360.jar", "target/opera360.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no application jar at " + jar + " (mvn package builds it)");
        return jar;
    }

    /** {@code target/<name>/<yyyyMMdd-HHmmss>}: a test run's own directory. */
    public static Path workDir(String name) {
        return Path.of("target", name, java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                   .toAbsolutePath();
    }

    /** The client the tests talk to a child application with: HTTP/1.1, idle connections closed after 1 s. */
    public static java.net.http.HttpClient httpClient() {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                                       .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    }

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedAt;

    private AppProcess(Process process, int port, Path log, long startedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedAt = startedAt;
    }

    /**
     * Starts the jar with its settings in environment variables, so that the command line names neither the product
     * nor its properties: a {@code pkill -f opera360} run by someone else on a shared machine leaves it alone.
     */
    public static AppProcess start(Path jar, Path dataDir, String apiKey, Path log) {
        return start(jar, dataDir, apiKey, log, Map.of());
    }

    /** As {@link #start(Path, Path, String, Path)}, with more settings as environment variables. */
    public static AppProcess start(Path jar, Path dataDir, String apiKey, Path log, Map<String, String> settings) {
        int port = freePort();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", jar.toString());
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("OPERA360_DATA_DIR", dataDir.toString());
            env.put("OPERA360_DEMO_DATA", "false");
            env.put("OPERA360_INGEST_API_KEY", apiKey);
            env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            env.putAll(settings);
            long startedAt = System.nanoTime();
            Process process = builder.start();
            RUNNING.add(process);
            return new AppProcess(process, port, log, startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A link (or copy) of the application jar under a neutral name in {@code dir}. */
    public static Path neutralCopy(Path jar, Path dir) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve("app.jar");
            Files.deleteIfExists(target);
            try {
                return Files.createLink(target, jar);
            } catch (IOException | UnsupportedOperationException e) {
                return Files.copy(jar, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Waits until /actuator/health answers UP; answers the time since the process was started. */
    public Duration awaitHealthy(HttpClient http, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                 .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                throw new AssertionError("the application exited (" + exit + (exit == 128 + 15 ? ": SIGTERM from outside this test" : "")
                        + ") before it was healthy; see " + log + "\n" + tail());
            }
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            sleep(100);
        }
        throw new AssertionError("the application was not healthy within " + timeout + "; see " + log + "\n" + tail());
    }

    /** SIGKILL: no shutdown hook, no flush, no chance to finish what was in flight. */
    public void kill9() {
        process.destroyForcibly();
    }

    /** Waits for the process to end and answers its exit value. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the application did not end within " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            RUNNING.remove(process);
        }
    }

    /** SIGTERM: Spring's graceful shutdown, which closes the stores cleanly. */
    public void stop() {
        process.destroy();
        awaitExit(Duration.ofSeconds(60));
    }

    /** Best effort: the JVM's thread dump next to the log, for a test that found the application stuck. */
    public Path dumpThreads() {
        Path dump = log.resolveSibling(log.getFileName() + ".threads.txt");
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dump;
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public static void killAll() {
        for (Process p : RUNNING) {
            p.destroyForcibly();
        }
        RUNNING.clear();
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
