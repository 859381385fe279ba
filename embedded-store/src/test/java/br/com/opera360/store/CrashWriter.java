package br.com.opera360.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link StoreCrashTest}: opens the store file, serves it, and writes to it through the driver until it
 * is killed. Every {@value #PROGRESS_EVERY} acknowledged writes it prints {@code acked <n>}.
 *
 * <p>Arguments: the store file, the seed.
 */
public final class CrashWriter {

    static final String DATABASE = "crash";
    static final String COLLECTION = "items";
    static final int GROUPS = 10;
    static final List<String> TAGS = List.of("fibra", "rádio", "5g", "backbone", "última-milha", "satélite");
    static final int PROGRESS_EVERY = 25;

    private CrashWriter() {
    }

    /** The indexes the crash test queries through (created idempotently by every child). */
    static void createIndexes(MongoCollection<Document> items) {
        items.createIndex(new Document("grp", 1).append("val", -1));
        items.createIndex(new Document("val", 1));
        items.createIndex(new Document("tag", 1));
        items.createIndex(new Document("seq", 1), new IndexOptions().unique(true));
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Random rnd = new Random(Long.parseLong(args[1]));
        IndexedH2Backend backend = IndexedH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress(address.getHostString(), address.getPort()))))
            .retryWrites(false)
            .build());
        MongoCollection<Document> items = client.getDatabase(DATABASE).getCollection(COLLECTION);
        createIndexes(items);

        List<Object> ids = new ArrayList<>();
        int nextSeq = 1;
        for (Document d : items.find().projection(new Document("_id", 1).append("seq", 1))) {
            ids.add(d.get("_id"));
            if (d.get("seq") instanceof Number seq) {
                nextSeq = Math.max(nextSeq, seq.intValue() + 1);
            }
        }
        System.out.println("started with " + ids.size() + " documents on port " + address.getPort());
        System.out.flush();

        long acked = 0;
        String operation = "-";
        try {
            while (true) {
                int r = rnd.nextInt(100);
                if (r < 45 || ids.size() < 50) {
                    ObjectId id = new ObjectId();
                    Document d = new Document("_id", id).append("seq", nextSeq++).append("grp", rnd.nextInt(GROUPS))
                        .append("val", value(rnd)).append("tag", TAGS.get(rnd.nextInt(TAGS.size())))
                        .append("pad", "x".repeat(50 + rnd.nextInt(400)));
                    operation = "insertOne " + d.toJson();
                    items.insertOne(d);
                    ids.add(id);
                } else if (r < 75) {
                    // moves the document in every secondary index: new group, new value, sometimes a new tag and seq
                    Document set = new Document("grp", rnd.nextInt(GROUPS)).append("val", value(rnd));
                    if (rnd.nextBoolean()) {
                        set.append("tag", TAGS.get(rnd.nextInt(TAGS.size())));
                    }
                    if (rnd.nextInt(5) == 0) {
                        set.append("seq", nextSeq++);
                    }
                    Document filter = new Document("_id", ids.get(rnd.nextInt(ids.size())));
                    operation = "updateOne " + filter.toJson() + " {$set: " + set.toJson() + "}";
                    items.updateOne(filter, new Document("$set", set));
                } else if (r < 82) {
                    // a multi-document update: every document of a group gets a new value
                    Document filter = new Document("grp", rnd.nextInt(GROUPS));
                    Document update = new Document("$inc", new Document("val", rnd.nextInt(7) - 3));
                    operation = "updateMany " + filter.toJson() + " " + update.toJson();
                    items.updateMany(filter, update);
                } else if (r < 95) {
                    Document filter = new Document("_id", ids.remove(rnd.nextInt(ids.size())));
                    operation = "deleteOne " + filter.toJson();
                    items.deleteOne(filter);
                } else {
                    int grp = rnd.nextInt(GROUPS);
                    int below = rnd.nextInt(20);
                    Document filter = new Document("grp", grp).append("val", new Document("$lt", below - 40));
                    operation = "deleteMany " + filter.toJson();
                    items.deleteMany(filter);
                    // forget nothing: ids of deleted documents only make later updates and deletes match nothing
                }
                acked++;
                if (acked % PROGRESS_EVERY == 0) {
                    System.out.println("acked " + acked);
                    System.out.flush();
                }
            }
        } catch (RuntimeException e) {
            // the server threads are not daemons: without an explicit exit the child would live on, silent
            System.out.println("failed after " + acked + " acknowledged writes, during " + operation + ": " + e);
            System.out.flush();
            e.printStackTrace();
            System.exit(3);
        }
    }

    /** Integers and doubles, so that the indexes order mixed numeric types. */
    private static Object value(Random rnd) {
        int v = rnd.nextInt(200) - 100;
        return rnd.nextBoolean() ? (Object) v : (Object) (v + 0.5);
    }
}
