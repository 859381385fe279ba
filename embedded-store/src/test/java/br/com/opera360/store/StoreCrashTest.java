package br.com.opera360.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash test: a child JVM ({@link CrashWriter}) serves {@link IndexedH2Backend#open} on a store file and writes through the
 * driver (inserts, updates that move documents in every index, deletes); after a given number of acknowledged writes it is
 * killed with SIGKILL. The file is reopened here and every indexed query must agree with a full scan computed in Java.
 * The same file goes through three kills at different moments (early, during steady writing, later), each child
 * continuing from what the previous crash left.
 *
 * <p>The backend checks its indexes when it opens after an unclean stop and rebuilds those that disagree with the
 * documents, so {@code verifyIndexes()} right after opening asserts the result of that repair; the rebuilds it logged
 * are printed per round (informational: they show whether the crash left the file's indexes behind its documents).
 *
 * <p>Not asserted: that every acknowledged write survived (the store commits in the background, like the stock H2
 * backend; losing the last second of writes on a crash is accepted), only that what survived is consistent.
 */
class StoreCrashTest {

    /** Acknowledged writes after which each successive child is killed. */
    private static final int[] KILL_AFTER = {150, 1500, 700};
    private static final long CHILD_TIMEOUT_SECONDS = 40;
    private static final String END_OF_OUTPUT = new String("(end of output)");

    @TempDir
    Path dir;

    @Test
    void a_store_killed_in_the_middle_of_writing_reopens_with_indexes_that_agree_with_its_documents() throws Exception {
        long seed = StoreDifferentialTest.seed();
        System.out.printf("StoreCrashTest seed=%d (re-run with -Dstore.seed=%d)%n", seed, seed);
        Random rnd = new Random(seed);
        Path file = dir.resolve("crash.mv.db");
        for (int round = 0; round < KILL_AFTER.length; round++) {
            String context = "seed=" + seed + " round " + (round + 1) + " (killed after " + KILL_AFTER[round] + " acknowledged writes)";
            long started = System.nanoTime();
            long acked = runChildAndKill(file, rnd.nextLong(), KILL_AFTER[round], context);
            int documents = reopenAndCheck(file, rnd, context);
            System.out.printf("StoreCrashTest %s: killed at %d acked writes, %d documents consistent after reopening, %d ms%n",
                context, acked, documents, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** Starts the writer, waits for {@code killAfter} acknowledged writes, kills it with SIGKILL; returns the writes seen. */
    private long runChildAndKill(Path file, long childSeed, int killAfter, String context) throws Exception {
        Path stderr = dir.resolve("child-" + childSeed + ".err");
        Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"),
            CrashWriter.class.getName(), file.toString(), Long.toString(childSeed))
            .redirectError(stderr.toFile())
            .start();
        long acked = 0;
        List<String> output = new ArrayList<>();
        String failure = null;
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(stdout closed: " + e + ")");
            }
            lines.add(END_OF_OUTPUT);
        }, "crash-writer-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
            while (acked < killAfter && failure == null) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line == END_OF_OUTPUT) {
                    break;
                }
                if (line.startsWith("acked ")) {
                    acked = Long.parseLong(line.substring("acked ".length()).trim());
                } else if (line.startsWith("failed ")) {
                    failure = line;
                } else if (output.size() < 50) {
                    output.add(line);
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no MVStore close
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(failure).as("%s: a write failed in the writer child (before any crash of this round); its stderr: %s",
            context, tail(stderr)).isNull();
        assertThat(acked)
            .as("%s: the writer child stopped before %d acknowledged writes; its output: %s; its stderr: %s",
                context, killAfter, output, tail(stderr))
            .isGreaterThanOrEqualTo(killAfter);
        assertThat(child.exitValue()).as("%s: the child must have died of SIGKILL (128 + 9)", context).isEqualTo(137);
        return acked;
    }

    /** Reopens the file in this JVM and compares every indexed query with a Java scan; returns the number of documents. */
    private int reopenAndCheck(Path file, Random rnd, String context) {
        ListAppender<ILoggingEvent> backendLog = new ListAppender<>();
        Logger backendLogger = (Logger) LoggerFactory.getLogger(IndexedH2Backend.class);
        backendLog.start();
        backendLogger.addAppender(backendLog);
        IndexedH2Backend backend;
        try {
            backend = IndexedH2Backend.open(file);
        } finally {
            backendLogger.detachAppender(backendLog);
        }
        // informational: the backend rebuilds, on opening after an unclean stop, the indexes that disagree with the documents
        List<String> repairs = backendLog.list.stream().map(ILoggingEvent::getFormattedMessage)
            .filter(m -> m.startsWith("Rebuilding index")).toList();
        System.out.printf("StoreCrashTest %s: %d index(es) rebuilt on opening %s%n", context, repairs.size(), repairs);
        assertThat(backend.verifyIndexes()).as("%s: verifyIndexes() right after reopening", context).isEmpty();
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress(address.getHostString(), address.getPort()))))
            .build())) {
            MongoCollection<Document> items = client.getDatabase(CrashWriter.DATABASE).getCollection(CrashWriter.COLLECTION);
            List<Document> all = items.find().into(new ArrayList<>());
            long fallbacksBefore = backend.fallbackCount();
            if (all.isEmpty()) {
                // killed before its first commit: nothing, not even the index definitions, reached the file
                CrashWriter.createIndexes(items);
            } else {
                // the indexes were created before the first document, and a commit is atomic across maps
                assertThat(items.listIndexes().map(i -> ((Document) i.get("key")).toJson()).into(new ArrayList<>()))
                    .as("%s: index definitions after reopening", context)
                    .contains("{\"grp\": 1, \"val\": -1}", "{\"val\": 1}", "{\"tag\": 1}", "{\"seq\": 1}");
            }

            assertThat(all.stream().map(d -> d.get("seq")).filter(Objects::nonNull).collect(Collectors.toList()))
                .as("%s: seq values (unique index)", context).doesNotHaveDuplicates();
            assertThat(items.countDocuments()).as("%s: countDocuments()", context).isEqualTo(all.size());

            for (int grp = 0; grp < CrashWriter.GROUPS; grp++) {
                int g = grp;
                Predicate<Document> inGroup = d -> d.get("grp") instanceof Number n && n.intValue() == g;
                Document filter = new Document("grp", g);
                assertSameIds(context, filter, items.find(filter).into(new ArrayList<>()), all, inGroup);
                assertThat(items.countDocuments(filter)).as("%s: countDocuments(%s)", context, filter.toJson())
                    .isEqualTo(all.stream().filter(inGroup).count());
                List<Document> sorted = items.find(filter).sort(new Document("val", -1)).into(new ArrayList<>());
                assertSameIds(context, filter, sorted, all, inGroup);
                assertThat(values(sorted)).as("%s: find(%s).sort({val: -1}) in index order", context, filter.toJson())
                    .isEqualTo(values(all.stream().filter(inGroup).sorted(byVal().reversed()).toList()));
            }

            List<Document> byValue = items.find().sort(new Document("val", 1)).into(new ArrayList<>());
            assertSameIds(context, new Document("(sort)", "val"), byValue, all, d -> true);
            assertThat(values(byValue)).as("%s: find().sort({val: 1})", context)
                .isEqualTo(values(all.stream().sorted(byVal()).toList()));

            for (int i = 0; i < 8; i++) {
                int low = rnd.nextInt(200) - 110;
                int high = low + rnd.nextInt(60);
                Document filter = new Document("val", new Document("$gte", low).append("$lt", high));
                Predicate<Document> inRange = d -> d.get("val") instanceof Number n && n.doubleValue() >= low && n.doubleValue() < high;
                assertSameIds(context, filter, items.find(filter).into(new ArrayList<>()), all, inRange);
                assertThat(items.countDocuments(filter)).as("%s: countDocuments(%s)", context, filter.toJson())
                    .isEqualTo(all.stream().filter(inRange).count());
            }

            for (String tag : CrashWriter.TAGS) {
                Document filter = new Document("tag", tag);
                assertSameIds(context, filter, items.find(filter).into(new ArrayList<>()), all, d -> tag.equals(d.get("tag")));
            }

            for (int i = 0; i < Math.min(20, all.size()); i++) {
                Document expected = all.get(rnd.nextInt(all.size()));
                Document filter = new Document("seq", expected.get("seq"));
                assertThat(items.find(filter).into(new ArrayList<>())).as("%s: find(%s)", context, filter.toJson())
                    .containsExactly(expected);
            }
            // every query above after the full find() is served by one of the four indexes
            assertThat(backend.fallbackCount() - fallbacksBefore)
                .as("%s: indexed queries that fell back to a scan; by shape: %s", context, backend.fallbacks().byShape())
                .isZero();
            assertThat(backend.verifyIndexes()).as("%s: verifyIndexes() after the checks", context).isEmpty();
            return all.size();
        } finally {
            server.shutdownNow(); // closes the backend, and with it the MVStore
        }
    }

    private static void assertSameIds(String context, Document filter, List<Document> found, List<Document> all,
                                      Predicate<Document> predicate) {
        Set<Object> expected = all.stream().filter(predicate).map(d -> d.get("_id")).collect(Collectors.toSet());
        List<Object> foundIds = found.stream().map(d -> d.get("_id")).toList();
        assertThat(foundIds).as("%s: find(%s) must return each document once", context, filter.toJson()).doesNotHaveDuplicates();
        Set<Object> missing = new HashSet<>(expected);
        foundIds.forEach(missing::remove);
        Set<Object> extra = new HashSet<>(foundIds);
        extra.removeAll(expected);
        assertThat(missing.size() + extra.size())
            .as("%s: find(%s) against a Java scan of %d documents: %d missing %s, %d extra %s", context, filter.toJson(),
                all.size(), missing.size(), missing, extra.size(), extra)
            .isZero();
    }

    private static Comparator<Document> byVal() {
        return Comparator.comparingDouble(d -> ((Number) d.get("val")).doubleValue());
    }

    /** The sequence of sort values (ties may come in any order, their values may not). */
    private static List<Double> values(List<Document> docs) {
        return docs.stream().map(d -> ((Number) d.get("val")).doubleValue()).toList();
    }

    private static String tail(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file) : "";
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
