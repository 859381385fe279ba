package br.com.opera360.store;

import br.com.opera360.store.IndexableShapes.IndexSpec;
import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential test: the same seeded random data, indexes, queries and writes go to the stock mongo-java-server
 * {@link MemoryBackend} and to our {@link IndexedH2Backend}; every answer and, after every write, the whole collection must
 * be the same. The goal is "same semantics as the stock engine" (not as a real MongoDB), so cases whose stock answer
 * depends on the scan order (which differs between backends by design) are not generated or are compared order-free.
 *
 * <p>Re-run a failure with {@code -Dstore.seed=<seed>} (printed in every assertion message); raise the number of cases with
 * {@code -Dstore.cases=<n>} (default {@value #DEFAULT_CASES}); {@code -Dstore.verifyEvery=1} runs verifyIndexes() after
 * every case instead of every 500 to find the case that broke an index.
 */
class StoreDifferentialTest {

    static final int DEFAULT_CASES = 3000;
    private static final int INITIAL_DOCUMENTS = 250;
    private static final int OWNERS = 40;
    /** verifyIndexes() runs after every this many cases and after the last one; -Dstore.verifyEvery=1 pins down the case. */
    private static final int VERIFY_EVERY = Integer.getInteger("store.verifyEvery", 500);

    @Test
    void the_indexed_store_answers_thousands_of_random_reads_and_writes_like_the_stock_memory_backend() {
        differential(IndexedH2Backend.inMemoryStore());
    }

    /** The same on a store file with a 1 MB page cache, so that documents are written as BSON and read back decoded. */
    @Test
    void the_same_on_a_file_with_a_small_cache_where_documents_are_stored_and_read_back_as_bson(@TempDir Path dir) {
        differential(IndexedH2Backend.open(dir.resolve("differential.mv"), java.time.Clock.systemUTC(), 1));
    }

    private void differential(IndexedH2Backend backend) {
        long seed = seed();
        int cases = Integer.getInteger("store.cases", DEFAULT_CASES);
        System.out.printf("StoreDifferentialTest seed=%d cases=%d (re-run with -Dstore.seed=%d)%n", seed, cases, seed);
        long started = System.nanoTime();
        try (Side stock = Side.start(new MemoryBackend()); Side ours = Side.start(backend)) {
            Run run = new Run(seed, cases, stock, ours, backend::fallbackCount);
            run.setUp();
            for (int i = 0; i < cases; i++) {
                run.randomCase(i);
                if (i % VERIFY_EVERY == VERIFY_EVERY - 1 || i == cases - 1) {
                    assertThat(backend.verifyIndexes())
                        .as("verifyIndexes() after case #%d, seed=%d (re-run: -Dstore.seed=%d -Dstore.cases=%d)", i, seed, seed, cases)
                        .isEmpty();
                }
            }
            System.out.printf("StoreDifferentialTest seed=%d cases=%d in %d ms; %s; fallbackCount()=%d over %d query shapes%n",
                seed, cases, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), run.summary(), backend.fallbackCount(),
                backend.fallbacks().byShape().size());

            // ---- The planner must serve every query of an indexable shape from an index. ----
            // Which shapes count as indexable is defined (and can be adjusted) in IndexableShapes: equality/$in on an index
            // prefix plus at most one range on the next key, no null compared, a sort (only without $in) that follows the
            // index keys from the first non-equality key, all in index direction or all reversed. The other queries may
            // fall back to a scan; they are not asserted on here.
            assertThat(run.indexableFinds()).as("indexable finds generated, seed=%d", seed).isGreaterThan(cases / 20);
            assertThat(run.indexableFallbacks())
                .as("finds of an indexable shape that fallbackCount() counted as not served by an index, seed=%d "
                    + "(re-run: -Dstore.seed=%d -Dstore.cases=%d)", seed, seed, cases)
                .isEmpty();
        }
    }

    static long seed() {
        String property = System.getProperty("store.seed");
        return property == null || property.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(property.trim());
    }

    /** One server with its client; {@code items} is the collection under test, {@code owners} the $lookup target. */
    record Side(MongoServer server, MongoClient client, MongoCollection<Document> items, MongoCollection<Document> owners)
        implements AutoCloseable {

        static Side start(MongoBackend backend) {
            MongoServer server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress(address.getHostString(), address.getPort()))))
                .retryWrites(false)
                .retryReads(false)
                .build());
            MongoDatabase db = client.getDatabase("conectividade");
            return new Side(server, client, db.getCollection("items"), db.getCollection("owners"));
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }

    /** The random run: generator state, the indexes in place, per-kind statistics. */
    static final class Run {

        private final long seed;
        private final int cases;
        private final Side stock;
        private final Side ours;
        private final LongSupplier oursFallbackCount;
        private final RandomData data;
        private final List<IndexSpec> indexes = new ArrayList<>();
        private final List<Object> knownIds = new ArrayList<>();
        private final Map<String, long[]> stats = new TreeMap<>(); // kind -> {ok, both failed, milliseconds}
        private final List<String> indexableFallbacks = new ArrayList<>();
        private int indexableFinds;
        private int caseNumber = -1;

        Run(long seed, int cases, Side stock, Side ours, LongSupplier oursFallbackCount) {
            this.seed = seed;
            this.cases = cases;
            this.stock = stock;
            this.ours = ours;
            this.oursFallbackCount = oursFallbackCount;
            this.data = new RandomData(seed);
        }

        // ------------------------------------------------------------------ set-up

        void setUp() {
            for (int id = 1; id <= OWNERS; id++) {
                Document owner = data.owner(id);
                stock.owners().insertOne(owner);
                ours.owners().insertOne(owner);
            }
            createIndex(new Document("ownerId", 1), false, true);
            indexes.add(new IndexSpec("_id_", new Document("_id", 1), true));

            List<Runnable> indexCreations = new ArrayList<>();
            Document seqKey = new Document("seq", data.direction());
            indexCreations.add(() -> createIndex(seqKey, true, false));
            if (data.chance(50)) {
                Document compound = new Document("seq", data.direction()).append("status", data.direction());
                indexCreations.add(() -> createIndex(compound, true, false));
            }
            int secondary = 2 + data.rnd.nextInt(3);
            for (int i = 0; i < secondary; i++) {
                Document keys = randomIndexKeys();
                indexCreations.add(() -> createIndex(keys, false, false));
            }
            // some indexes exist before the data arrives, the others are built over existing documents
            int before = data.rnd.nextInt(indexCreations.size() + 1);
            indexCreations.subList(0, before).forEach(Runnable::run);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < INITIAL_DOCUMENTS; i++) {
                Document d = data.document();
                knownIds.add(d.get("_id"));
                batch.add(d);
                if (batch.size() == 50) {
                    insertBatch(batch);
                    batch.clear();
                }
            }
            insertBatch(batch);
            indexCreations.subList(before, indexCreations.size()).forEach(Runnable::run);
            compareCollections("after set-up; indexes " + indexes);
        }

        private void insertBatch(List<Document> batch) {
            if (!batch.isEmpty()) {
                check("set-up insertMany", "setup", s -> {
                    s.items().insertMany(batch);
                    return "inserted " + batch.size();
                });
            }
        }

        private Document randomIndexKeys() {
            Document keys = new Document();
            int size = 1 + data.rnd.nextInt(3);
            while (keys.size() < size) {
                keys.putIfAbsent(data.pick(RandomData.INDEXABLE_FIELDS), data.direction());
            }
            return keys;
        }

        private void createIndex(Document keys, boolean unique, boolean owners) {
            String description = "createIndex " + keys.toJson() + (unique ? " unique" : "") + (owners ? " on owners" : "");
            check(description, "createIndex", s -> (owners ? s.owners() : s.items()).createIndex(keys, new IndexOptions().unique(unique)));
            if (!owners && indexes.stream().noneMatch(i -> i.keys().equals(keys))) {
                indexes.add(new IndexSpec(indexName(keys), keys, unique));
            }
        }

        private static String indexName(Document keys) {
            StringBuilder name = new StringBuilder();
            keys.forEach((k, v) -> name.append(name.isEmpty() ? "" : "_").append(k).append('_').append(v));
            return name.toString();
        }

        // ------------------------------------------------------------------ cases

        void randomCase(int number) {
            caseNumber = number;
            int r = data.rnd.nextInt(1000);
            if (r < 400) {
                find();
            } else if (r < 480) {
                count();
            } else if (r < 520) {
                distinct();
            } else if (r < 650) {
                aggregate();
            } else if (r < 710) {
                insertOne();
            } else if (r < 730) {
                insertDuplicate();
            } else if (r < 750) {
                insertMany();
            } else if (r < 800) {
                updateOne();
            } else if (r < 830) {
                updateMany();
            } else if (r < 850) {
                replaceOne();
            } else if (r < 870) {
                upsert();
            } else if (r < 895) {
                deleteOne();
            } else if (r < 910) {
                deleteMany();
            } else if (r < 945) {
                findOneAndUpdate();
            } else if (r < 965) {
                findOneAndDelete();
            } else if (r < 992) {
                bulkWrite();
            } else {
                changeIndexes();
            }
        }

        private void find() {
            Document filter;
            Document sort;
            boolean indexShaped = data.chance(35);
            if (indexShaped) {
                Document[] q = indexShapedQuery();
                filter = q[0];
                sort = q[1];
            } else {
                filter = data.filter(knownIds);
                sort = data.chance(70) ? data.sort() : null;
            }
            if (sort != null && sort.isEmpty()) {
                sort = null;
            }
            int skip = data.chance(25) ? 1 + data.rnd.nextInt(20) : 0;
            int limit = data.chance(35) ? 1 + data.rnd.nextInt(30) : 0;
            if ((skip > 0 || limit > 0) && !RandomData.isTotal(sort)) {
                if (indexShaped) {
                    // keep the index-following sort; without a total order skip/limit would pick an undefined subset
                    skip = 0;
                    limit = 0;
                } else {
                    sort = data.totalSort(sort);
                }
            }
            Document projection = data.chance(30) ? data.projection() : null;
            int batchSize = data.chance(50) ? 2 + data.rnd.nextInt(6) : 0;
            boolean total = RandomData.isTotal(sort);
            Document finalSort = sort;
            int finalSkip = skip;
            int finalLimit = limit;
            String description = "find " + filter.toJson() + " sort=" + (sort == null ? "-" : sort.toJson()) + " skip=" + skip
                + " limit=" + limit + " projection=" + (projection == null ? "-" : projection.toJson()) + " batchSize=" + batchSize;
            Optional<IndexSpec> serving = IndexableShapes.servingIndex(filter, sort, indexes);
            long fallbacksBefore = oursFallbackCount.getAsLong();
            check(description, serving.isPresent() ? "find (indexable)" : "find", s -> {
                FindIterable<Document> find = s.items().find(filter);
                if (finalSort != null) {
                    find.sort(finalSort);
                }
                find.skip(finalSkip).limit(finalLimit);
                if (projection != null) {
                    find.projection(projection);
                }
                if (batchSize > 0) {
                    find.batchSize(batchSize);
                }
                List<Document> docs = find.into(new ArrayList<>());
                return total ? Outcomes.ordered(docs) : Outcomes.unordered(docs);
            });
            if (serving.isPresent()) {
                indexableFinds++;
                long fallbacks = oursFallbackCount.getAsLong() - fallbacksBefore;
                if (fallbacks != 0) {
                    indexableFallbacks.add("case #" + caseNumber + " (index " + serving.get().name() + "): " + description);
                }
            }
        }

        /** An equality/$in prefix of a random index, maybe a range on the next key, maybe a sort following the index. */
        private Document[] indexShapedQuery() {
            IndexSpec index = data.pick(indexes);
            List<String> keys = index.fields();
            int p = 1 + data.rnd.nextInt(keys.size());
            Document filter = new Document();
            int equalities = 0;
            boolean usesIn = false;
            for (int i = 0; i < p; i++) {
                String key = keys.get(i);
                int r = data.rnd.nextInt(100);
                if (i == p - 1 && r < 45) {
                    filter.put(key, data.range(key, knownIds));
                } else if (r < 80) {
                    Object value = data.valueFor(key, knownIds);
                    filter.put(key, data.chance(70) ? value : new Document("$eq", value));
                    if (equalities == i) {
                        equalities++;
                    }
                } else {
                    filter.put(key, new Document("$in", data.values(key, knownIds, 2 + data.rnd.nextInt(2))));
                    usesIn = true;
                }
            }
            Document sort = null;
            if (!usesIn && data.chance(60)) {
                int start = data.rnd.nextInt(Math.min(equalities, keys.size() - 1) + 1);
                int length = 1 + data.rnd.nextInt(keys.size() - start);
                int sign = data.direction();
                sort = new Document();
                for (int j = start; j < start + length; j++) {
                    sort.put(keys.get(j), sign * index.direction(keys.get(j)));
                }
            }
            return new Document[] {filter, sort};
        }

        private void count() {
            Document filter = data.chance(70) ? data.filter(knownIds) : indexShapedQuery()[0];
            int skip = data.chance(25) ? data.rnd.nextInt(30) : 0;
            int limit = data.chance(25) ? 1 + data.rnd.nextInt(30) : 0;
            check("countDocuments " + filter.toJson() + " skip=" + skip + " limit=" + limit, "countDocuments",
                s -> String.valueOf(s.items().countDocuments(filter, new CountOptions().skip(skip).limit(limit))));
        }

        private void distinct() {
            String field = data.pick(List.of("status", "site.uf", "site.city", "flag", "owner", "tags", "n", "code"));
            Document filter = data.filter(knownIds);
            check("distinct " + field + " " + filter.toJson(), "distinct",
                s -> Outcomes.distinct(s.items().distinct(field, filter, BsonValue.class).into(new ArrayList<>())));
        }

        private void aggregate() {
            List<Document> pipeline = new ArrayList<>();
            if (data.chance(70)) {
                pipeline.add(new Document("$match", data.chance(70) ? data.filter(knownIds) : indexShapedQuery()[0]));
            }
            boolean ordered;
            String lookupField = null;
            switch (data.rnd.nextInt(4)) {
                case 0 -> {
                    pipeline.add(new Document("$sort", data.totalSort(data.sort())));
                    if (data.chance(40)) {
                        pipeline.add(new Document("$skip", data.rnd.nextInt(20)));
                    }
                    if (data.chance(60)) {
                        pipeline.add(new Document("$limit", 1 + data.rnd.nextInt(25)));
                    }
                    if (data.chance(50)) {
                        pipeline.add(new Document("$project", data.projection()));
                    }
                    ordered = true;
                }
                case 1 -> {
                    // _id null: totals over the whole match (the invoice summary's shape, summed from index keys)
                    String key = data.chance(25) ? null : data.pick(List.of("$status", "$site.uf", "$flag", "$owner"));
                    // $sum over 'n' mixes int/long/double/Decimal128: its result depends on the summation order, so it
                    // is only summed after a total sort; 'qty' holds only int/long and is summed in any order
                    boolean sumN = data.chance(30);
                    if (sumN) {
                        pipeline.add(new Document("$sort", new Document("_id", 1)));
                    }
                    pipeline.add(new Document("$group", new Document("_id", key)
                        .append("total", new Document("$sum", sumN ? "$n" : "$qty"))
                        .append("count", new Document("$sum", 1))));
                    ordered = data.chance(60);
                    if (ordered) {
                        pipeline.add(new Document("$sort", new Document("_id", data.direction())));
                        if (data.chance(40)) {
                            pipeline.add(new Document("$limit", 1 + data.rnd.nextInt(4)));
                        }
                    }
                }
                case 2 -> {
                    lookupField = "ownerDocs";
                    pipeline.add(new Document("$lookup", new Document("from", "owners").append("localField", "owner")
                        .append("foreignField", "ownerId").append("as", lookupField)));
                    pipeline.add(new Document("$project", new Document("seq", 1).append("owner", 1).append(lookupField, 1)));
                    ordered = data.chance(50);
                    if (ordered) {
                        pipeline.add(new Document("$sort", new Document("seq", data.direction())));
                        if (data.chance(50)) {
                            pipeline.add(new Document("$limit", 1 + data.rnd.nextInt(20)));
                        }
                    }
                }
                default -> {
                    pipeline.add(new Document("$project", new Document("status", 1).append("n", 1).append("site.uf", 1)));
                    pipeline.add(new Document("$match", new Document("site.uf", new Document("$in", List.of("SP", "RJ")))));
                    ordered = data.chance(50);
                    if (ordered) {
                        pipeline.add(new Document("$sort", data.totalSort(new Document("n", data.direction()))));
                    }
                }
            }
            boolean finalOrdered = ordered;
            String finalLookupField = lookupField;
            check("aggregate " + pipeline.stream().map(Document::toJson).toList(), "aggregate", s -> {
                List<Document> docs = s.items().aggregate(pipeline).into(new ArrayList<>());
                if (finalLookupField != null) {
                    docs = Outcomes.withSortedArray(docs, finalLookupField);
                }
                return finalOrdered ? Outcomes.ordered(docs) : Outcomes.unordered(docs);
            });
        }

        // ------------------------------------------------------------------ writes

        private void insertOne() {
            Document d = data.document();
            knownIds.add(d.get("_id"));
            write("insertOne " + d.toJson(), "insertOne", s -> s.items().insertOne(d).wasAcknowledged() + "");
        }

        /** An insert whose seq exists already (as int, long, double or Decimal128): must fail on both and change nothing. */
        private void insertDuplicate() {
            Document existing = stock.items().find().sort(new Document("seq", 1)).skip(data.rnd.nextInt(20)).first();
            if (existing == null || !(existing.get("seq") instanceof Number seq)) {
                insertOne();
                return;
            }
            Document d = data.document();
            Object duplicate = switch (data.rnd.nextInt(4)) {
                case 0 -> seq.intValue();
                case 1 -> seq.longValue();
                case 2 -> seq.doubleValue();
                default -> new Decimal128(BigDecimal.valueOf(seq.longValue()));
            };
            d.put("seq", duplicate);
            String description = "insertOne breaking the unique seq index " + d.toJson();
            String before = Outcomes.ordered(ours.items().find().sort(new Document("_id", 1)).into(new ArrayList<>()));
            String outcome = write(description, "insertOne (duplicate)", s -> s.items().insertOne(d).wasAcknowledged() + "");
            if (!Outcomes.isError(outcome)) {
                fail(message(description, "an error on both servers", outcome));
            }
            String after = Outcomes.ordered(ours.items().find().sort(new Document("_id", 1)).into(new ArrayList<>()));
            if (!before.equals(after)) {
                fail(message(description + " (the failed insert changed the collection)", before, after));
            }
        }

        private void insertMany() {
            List<Document> docs = new ArrayList<>();
            int size = 2 + data.rnd.nextInt(3);
            for (int i = 0; i < size; i++) {
                Document d = data.document();
                if (data.chance(15)) {
                    d.put("seq", data.rnd.nextInt(data.maxSeq() + 1)); // may break the unique index in the middle
                }
                knownIds.add(d.get("_id"));
                docs.add(d);
            }
            boolean ordered = data.rnd.nextBoolean();
            write("insertMany ordered=" + ordered + " " + docs.stream().map(Document::toJson).toList(), "insertMany",
                s -> s.items().insertMany(docs, new InsertManyOptions().ordered(ordered)).getInsertedIds().size() + "");
        }

        private void updateOne() {
            Document filter = narrowToOne(data.filter(knownIds));
            Document update = data.singleUpdate(knownIds);
            write("updateOne " + filter.toJson() + " " + update.toJson(), "updateOne",
                s -> updateResult(s.items().updateOne(filter, update)));
        }

        private void updateMany() {
            Document filter = data.filter(knownIds);
            Document update = data.manyUpdate();
            write("updateMany " + filter.toJson() + " " + update.toJson(), "updateMany",
                s -> updateResult(s.items().updateMany(filter, update)));
        }

        private void replaceOne() {
            Document replacement = data.document();
            replacement.remove("_id");
            if (data.chance(15)) {
                replacement.put("seq", data.rnd.nextInt(data.maxSeq() + 1)); // may break the unique index
            } else if (data.chance(10)) {
                replacement.remove("seq"); // a second document without seq breaks the (non-sparse) unique index
            }
            Document filter = narrowToOne(data.filter(knownIds));
            write("replaceOne " + filter.toJson() + " " + replacement.toJson(), "replaceOne",
                s -> updateResult(s.items().replaceOne(filter, replacement)));
        }

        /** Upserts with a fresh seq so that they insert; the _id is given so that both servers store the same one. */
        private void upsert() {
            int seq = data.freshSeq();
            Object id = data.freshId();
            knownIds.add(id);
            Document filter = new Document("seq", seq);
            if (data.chance(40)) {
                Document replacement = data.document();
                replacement.put("_id", id);
                replacement.put("seq", seq);
                write("replaceOne upsert " + filter.toJson() + " " + replacement.toJson(), "replaceOne (upsert)",
                    s -> updateResult(s.items().replaceOne(filter, replacement, new ReplaceOptions().upsert(true))));
            } else {
                Document update = data.singleUpdate(knownIds);
                update.put("$setOnInsert", new Document("_id", id));
                write("updateOne upsert " + filter.toJson() + " " + update.toJson(), "updateOne (upsert)",
                    s -> updateResult(s.items().updateOne(filter, update, new UpdateOptions().upsert(true))));
            }
        }

        private void deleteOne() {
            Document filter = narrowToOne(data.filter(knownIds));
            write("deleteOne " + filter.toJson(), "deleteOne", s -> s.items().deleteOne(filter).getDeletedCount() + "");
        }

        private void deleteMany() {
            Document generated = data.filter(knownIds);
            Document filter = generated;
            if (Outcomes.of(() -> String.valueOf(stock.items().countDocuments(generated) > 25)).key().equals("ok true")) {
                // keep the collection from emptying: restrict to a handful of sequence numbers
                filter = new Document("$and", List.of(filter,
                    new Document("seq", new Document("$in", data.values("seq", knownIds, 6)))));
            }
            Document finalFilter = filter;
            write("deleteMany " + filter.toJson(), "deleteMany", s -> s.items().deleteMany(finalFilter).getDeletedCount() + "");
        }

        private void findOneAndUpdate() {
            Document filter = data.filter(knownIds);
            Document sort = data.totalSort(data.sort());
            Document update = data.singleUpdate(knownIds);
            boolean upsert = data.chance(15);
            if (upsert) {
                Object id = data.freshId();
                knownIds.add(id);
                update.put("$setOnInsert", new Document("_id", id).append("seq", data.freshSeq()));
            }
            ReturnDocument returnDocument = data.rnd.nextBoolean() ? ReturnDocument.BEFORE : ReturnDocument.AFTER;
            Document projection = data.chance(20) ? data.projection() : null;
            FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(sort).upsert(upsert)
                .returnDocument(returnDocument).projection(projection);
            write("findOneAndUpdate " + filter.toJson() + " " + update.toJson() + " sort=" + sort.toJson() + " upsert=" + upsert
                    + " return=" + returnDocument + " projection=" + (projection == null ? "-" : projection.toJson()),
                "findOneAndUpdate", s -> Outcomes.doc(s.items().findOneAndUpdate(filter, update, options)));
        }

        private void findOneAndDelete() {
            Document filter = data.filter(knownIds);
            Document sort = data.totalSort(data.sort());
            write("findOneAndDelete " + filter.toJson() + " sort=" + sort.toJson(), "findOneAndDelete",
                s -> Outcomes.doc(s.items().findOneAndDelete(filter, new FindOneAndDeleteOptions().sort(sort))));
        }

        private void bulkWrite() {
            List<WriteModel<Document>> models = new ArrayList<>();
            List<String> described = new ArrayList<>();
            int size = 2 + data.rnd.nextInt(4);
            for (int i = 0; i < size; i++) {
                switch (data.rnd.nextInt(7)) {
                    case 0 -> {
                        Document d = data.document();
                        knownIds.add(d.get("_id"));
                        models.add(new InsertOneModel<>(d));
                        described.add("insertOne " + d.toJson());
                    }
                    case 1 -> {
                        Document d = data.document();
                        d.put("seq", data.rnd.nextInt(data.maxSeq() + 1)); // usually a duplicate
                        knownIds.add(d.get("_id"));
                        models.add(new InsertOneModel<>(d));
                        described.add("insertOne (seq maybe duplicate) " + d.toJson());
                    }
                    case 2 -> {
                        Document filter = uniqueKeyFilter();
                        Document update = data.singleUpdate(knownIds);
                        models.add(new UpdateOneModel<>(filter, update));
                        described.add("updateOne " + filter.toJson() + " " + update.toJson());
                    }
                    case 3 -> {
                        Document filter = data.filter(knownIds);
                        Document update = data.manyUpdate();
                        models.add(new UpdateManyModel<>(filter, update));
                        described.add("updateMany " + filter.toJson() + " " + update.toJson());
                    }
                    case 4 -> {
                        Document filter = uniqueKeyFilter();
                        Document replacement = data.document();
                        replacement.remove("_id");
                        models.add(new ReplaceOneModel<>(filter, replacement));
                        described.add("replaceOne " + filter.toJson() + " " + replacement.toJson());
                    }
                    case 5 -> {
                        Document filter = uniqueKeyFilter();
                        models.add(new DeleteOneModel<>(filter));
                        described.add("deleteOne " + filter.toJson());
                    }
                    default -> {
                        Document filter = new Document("seq", new Document("$in", data.values("seq", knownIds, 3)));
                        models.add(new DeleteManyModel<>(filter));
                        described.add("deleteMany " + filter.toJson());
                    }
                }
            }
            boolean ordered = data.rnd.nextBoolean();
            write("bulkWrite ordered=" + ordered + " " + described, "bulkWrite",
                s -> Outcomes.bulk(s.items().bulkWrite(models, new BulkWriteOptions().ordered(ordered))));
        }

        /** Drops a secondary index or builds a new one over the live data. */
        private void changeIndexes() {
            List<IndexSpec> droppable = indexes.stream().filter(i -> !i.unique()).toList();
            if (!droppable.isEmpty() && data.chance(50)) {
                IndexSpec index = data.pick(droppable);
                check("dropIndex " + index.keys().toJson(), "dropIndex", s -> {
                    s.items().dropIndex(index.keys());
                    return "dropped";
                });
                indexes.remove(index);
            } else {
                createIndex(randomIndexKeys(), false, false);
            }
            check("listIndexes", "listIndexes", s -> Outcomes.unordered(s.items().listIndexes().into(new ArrayList<>()).stream()
                .map(i -> new Document("name", i.get("name")).append("key", i.get("key")).append("unique", i.get("unique")))
                .toList()));
            compareCollections("after index change");
        }

        // ------------------------------------------------------------------ helpers

        /**
         * updateOne/deleteOne/replaceOne act on the first match in scan order, which differs between backends by design;
         * when the filter matches more than one document it is narrowed to the matching document with the lowest _id.
         */
        private Document narrowToOne(Document filter) {
            List<Document> matches;
            try {
                matches = stock.items().find(filter).sort(new Document("_id", 1)).limit(2)
                    .projection(new Document("_id", 1)).into(new ArrayList<>());
            } catch (RuntimeException e) {
                return filter; // the stock engine refuses the filter: the write is then compared as "both failed"
            }
            if (matches.size() < 2) {
                return filter;
            }
            return new Document("$and", List.of(filter, new Document("_id", matches.get(0).get("_id"))));
        }

        /** A filter on _id or seq (unique) for single-document operations inside a bulk write. */
        private Document uniqueKeyFilter() {
            return data.chance(50) ? new Document("_id", data.valueFor("_id", knownIds))
                : new Document("seq", data.valueFor("seq", knownIds));
        }

        private static String updateResult(UpdateResult r) {
            return "matched=" + r.getMatchedCount() + " modified=" + r.getModifiedCount() + " upserted=" + r.getUpsertedId();
        }

        private String write(String description, String kind, Function<Side, String> operation) {
            String outcome = check(description, kind, operation);
            compareCollections("after " + description);
            return outcome;
        }

        private String check(String description, String kind, Function<Side, String> operation) {
            return check(description, kind, operation, true);
        }

        /** Runs the operation on both servers and compares; returns the outcome, or an error marker if they differ and !failOnDifference. */
        private String check(String description, String kind, Function<Side, String> operation, boolean failOnDifference) {
            long started = System.nanoTime();
            Outcomes.Outcome expected = Outcomes.of(() -> operation.apply(stock));
            Outcomes.Outcome actual = Outcomes.of(() -> operation.apply(ours));
            long[] counters = stats.computeIfAbsent(kind, k -> new long[3]);
            counters[Outcomes.isError(expected.key()) ? 1 : 0]++;
            counters[2] += TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (!expected.key().equals(actual.key()) && stockSortDefect(expected)) {
                stats.computeIfAbsent(kind + " (stock sort defect, not compared)", k -> new long[3])[0]++;
                return expected.key();
            }
            if (!expected.key().equals(actual.key())) {
                if (!failOnDifference) {
                    return "differ: stock " + expected + " ours " + actual;
                }
                fail(message(description, expected.toString(), actual.toString()));
            }
            return expected.key();
        }

        /**
         * Stock defect, not generated: the stock engine sorts with a comparator that is no total order on arrays of mixed
         * types (an array compares as its smallest or largest element), so Java's TimSort may throw in the middle of a
         * sort (seed 2076116071045719065, case #1091: {@code sort {tags: -1}}). There is no stock answer to compare
         * ours with; our index order is total ({@code IndexEntryType}).
         */
        private static boolean stockSortDefect(Outcomes.Outcome stockOutcome) {
            return Outcomes.isError(stockOutcome.key()) && stockOutcome.toString().contains("Comparison method violates its general contract");
        }

        /**
         * The whole collection in _id order, compared as raw BSON bytes (exact: field order and types included, and cheaper
         * than JSON for a comparison made after every write); on a difference, compared again as JSON for the message.
         */
        private void compareCollections(String when) {
            String description = "whole collection, sorted by _id, " + when;
            String raw = check(description, "whole-collection comparison", Run::rawDigest, false);
            if (raw.startsWith("differ: ")) {
                check(description, "whole-collection comparison (JSON)",
                    s -> Outcomes.ordered(s.items().find().sort(new Document("_id", 1)).into(new ArrayList<>())));
                fail(message(description + " (raw BSON differs, JSON does not)", raw, raw));
            }
        }

        private static String rawDigest(Side side) {
            MessageDigest digest = sha256();
            int count = 0;
            for (RawBsonDocument d : side.items().withDocumentClass(RawBsonDocument.class).find().sort(new Document("_id", 1))) {
                ByteBuffer bytes = d.getByteBuffer().asNIO();
                digest.update(bytes);
                count++;
            }
            return count + " documents, sha-256 " + HexFormat.of().formatHex(digest.digest());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private String message(String description, String expected, String actual) {
            return "StoreDifferentialTest disagreement, seed=" + seed + " case #" + caseNumber + " of " + cases
                + " (re-run: -Dstore.seed=" + seed + " -Dstore.cases=" + cases + ")\n"
                + "case: " + description + "\n"
                + "indexes: " + indexes.stream().map(i -> i.keys().toJson() + (i.unique() ? " unique" : "")).toList() + "\n"
                + "stock MemoryBackend: " + abbreviate(expected) + "\n"
                + "IndexedH2Backend:    " + abbreviate(actual) + "\n"
                + "first difference at character " + firstDifference(expected, actual) + ": stock ..."
                + around(expected, firstDifference(expected, actual)) + "... ours ..." + around(actual, firstDifference(expected, actual)) + "...";
        }

        private static int firstDifference(String a, String b) {
            int n = Math.min(a.length(), b.length());
            for (int i = 0; i < n; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    return i;
                }
            }
            return n;
        }

        private static String around(String s, int at) {
            return s.substring(Math.max(0, at - 200), Math.min(s.length(), at + 200));
        }

        private static String abbreviate(String s) {
            return s.length() <= 3000 ? s : s.substring(0, 3000) + "... (" + s.length() + " chars)";
        }

        List<String> indexableFallbacks() {
            return indexableFallbacks;
        }

        int indexableFinds() {
            return indexableFinds;
        }

        String summary() {
            StringBuilder sb = new StringBuilder("indexable finds=" + indexableFinds + "; per kind ok/both-failed/ms:");
            stats.forEach((kind, c) -> sb.append(' ').append(kind).append('=').append(c[0]).append('/').append(c[1])
                .append('/').append(c[2]));
            sb.append("; final collection size=").append(stock.items().countDocuments());
            return sb.toString();
        }
    }
}
