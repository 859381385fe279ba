package br.com.opera360.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark client in a JVM of its own (this JVM's class path, a small serial-GC heap), driven line by line: one
 * request line on its stdin, one answer line on its stdout; an empty line ends it. Its errors go to ours.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final PrintStream requests;
    private final BufferedReader answers;

    private ChildJvm(Process process) {
        this.process = process;
        this.requests = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Sends one request line and answers the child's reply split at spaces. */
    String[] ask(String request) throws IOException {
        requests.println(request);
        String answer = answers.readLine();
        if (answer == null) throw new IOException("the child JVM ended");
        return answer.split(" ");
    }

    @Override
    public void close() {
        requests.println();
        process.destroy();
    }
}
