package br.com.opera360.store;

import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of documents, filters, sorts, projections and updates for {@link StoreDifferentialTest}.
 * Everything it produces depends only on the seed, so a failing case is reproduced by re-running with the seed.
 */
final class RandomData {

    /**
     * Fields that random secondary indexes are built on. Only {@code tags} holds arrays (0 to 3 strings, empty ones
     * included), so compound indexes are multikey on at most one field; it is never in a unique index.
     */
    static final List<String> INDEXABLE_FIELDS =
        List.of("status", "n", "score", "flag", "at", "code", "qty", "owner", "site.city", "site.uf", "tags");

    /** Fields used in filters: the indexable ones plus unique, identity, nested-document and array fields. */
    static final List<String> FILTER_FIELDS = List.of("status", "n", "score", "flag", "at", "code", "qty", "owner",
        "site.city", "site.uf", "site.geo.lat", "site", "ref", "tags", "seq", "_id");

    /** Fields sorted on (never the array field: sorting on arrays is not what the read models do). */
    static final List<String> SORT_FIELDS =
        List.of("status", "n", "score", "flag", "at", "code", "qty", "owner", "site.city", "site.uf", "seq");

    /** String-valued fields that regular expressions are tried on. */
    static final List<String> REGEX_FIELDS = List.of("code", "status", "site.city");

    private static final List<String> STATUSES =
        List.of("ativo", "inativo", "manutenção", "ação pendente", "São Paulo", "Ágil", "épico", "zeta");
    private static final List<String> CITIES =
        List.of("São Paulo", "Belém", "Goiânia", "Florianópolis", "Campinas", "Niterói", "Maceió");
    private static final List<String> UFS = List.of("SP", "RJ", "MG", "BA", "PA");
    private static final List<String> CODE_PREFIXES = List.of("OP-", "op-", "SP-", "ção-", "Op-");
    private static final List<String> TAGS = List.of("fibra", "rádio", "5g", "backbone", "última-milha");
    private static final long BASE_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    final Random rnd;
    private final List<ObjectId> refPool = new ArrayList<>();
    private int nextSeq = 1;

    RandomData(long seed) {
        this.rnd = new Random(seed);
        for (int i = 0; i < 8; i++) {
            refPool.add(freshId());
        }
    }

    // ------------------------------------------------------------------ documents

    ObjectId freshId() {
        byte[] bytes = new byte[12];
        rnd.nextBytes(bytes);
        return new ObjectId(ByteBuffer.wrap(bytes));
    }

    int freshSeq() {
        return nextSeq++;
    }

    /** The highest sequence value handed out so far. */
    int maxSeq() {
        return nextSeq - 1;
    }

    Document document() {
        Document d = new Document("_id", freshId());
        int seq = freshSeq();
        d.put("seq", chance(85) ? (Object) seq : (Object) (long) seq);
        putMaybe(d, "status", 10, this::status);
        putMaybe(d, "n", 10, this::number);
        putMaybe(d, "score", 10, () -> rnd.nextInt(40) / 2.0);
        putMaybe(d, "flag", 15, this::flag);
        putMaybe(d, "at", 15, this::date);
        putMaybe(d, "code", 10, this::code);
        putMaybe(d, "qty", 10, this::qty);
        putMaybe(d, "owner", 10, () -> 1 + rnd.nextInt(30));
        putMaybe(d, "ref", 50, this::ref);
        putMaybe(d, "site", 15, this::site);
        putMaybe(d, "tags", 30, this::tags);
        return d;
    }

    /** A document for the {@code owners} collection joined by {@code $lookup}. */
    Document owner(int id) {
        Document d = new Document("_id", id);
        if (!chance(8)) {
            d.put("ownerId", 1 + rnd.nextInt(25));
        }
        d.put("name", pick(List.of("Ana", "João", "Conceição", "Zé", "Íris")) + " " + id);
        return d;
    }

    private void putMaybe(Document d, String field, int missingPercent, java.util.function.Supplier<Object> value) {
        if (!chance(missingPercent)) {
            d.put(field, value.get());
        }
    }

    Object status() {
        int r = rnd.nextInt(100);
        if (r < 85) {
            return pick(STATUSES);
        }
        if (r < 92) {
            return null;
        }
        return rnd.nextInt(4); // mixed type: a few statuses are numbers
    }

    /** Mixed numeric types with equal values across types (1, 1L, 1.0, 1.00 as Decimal128), a few nulls and strings. */
    Object number() {
        int base = rnd.nextInt(16) - 3;
        int r = rnd.nextInt(100);
        if (r < 30) {
            return base;
        }
        if (r < 45) {
            return (long) base;
        }
        if (r < 65) {
            return chance(50) ? (double) base : base + 0.5;
        }
        if (r < 82) {
            return new Decimal128(chance(50) ? new BigDecimal(base).setScale(2) : new BigDecimal(base).add(new BigDecimal("0.25")));
        }
        if (r < 92) {
            return null;
        }
        return String.valueOf(base); // mixed type: a string that looks like a number
    }

    Object flag() {
        return chance(8) ? null : rnd.nextBoolean();
    }

    Date date() {
        return new Date(BASE_MILLIS + rnd.nextInt(60) * 86_400_000L + rnd.nextInt(3) * 3_600_000L);
    }

    String code() {
        return pick(CODE_PREFIXES) + rnd.nextInt(300);
    }

    Object qty() {
        int v = rnd.nextInt(50);
        return chance(70) ? (Object) v : (Object) (long) v;
    }

    ObjectId ref() {
        return pick(refPool);
    }

    Object site() {
        int r = rnd.nextInt(100);
        if (r < 8) {
            return null;
        }
        if (r < 13) {
            return "remoto"; // mixed type: dotted paths below 'site' are missing for these
        }
        Document site = new Document();
        putMaybe(site, "city", 10, () -> chance(5) ? null : pick(CITIES));
        putMaybe(site, "uf", 10, () -> pick(UFS));
        if (chance(60)) {
            site.put("geo", new Document("lat", -(rnd.nextInt(30) + rnd.nextInt(4) / 4.0)));
        }
        return site;
    }

    List<String> tags() {
        int size = rnd.nextInt(4);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            tags.add(pick(TAGS));
        }
        return tags;
    }

    /** A value that the field can hold (so that filters actually match documents). */
    Object valueFor(String path, List<Object> knownIds) {
        switch (path) {
            case "status":
                return status();
            case "n":
                return number();
            case "score":
                return rnd.nextInt(40) / 2.0;
            case "flag":
                return flag();
            case "at":
                return date();
            case "code":
                return code();
            case "qty":
                return qty();
            case "owner":
                return 1 + rnd.nextInt(30);
            case "ref":
                return ref();
            case "site.city":
                return chance(5) ? null : pick(CITIES);
            case "site.uf":
                return pick(UFS);
            case "site.geo.lat":
                return -(double) rnd.nextInt(30);
            case "site":
                return site();
            case "tags":
                return pick(TAGS);
            case "seq":
                return rnd.nextInt(maxSeq() + 3);
            case "_id":
                return knownIds.isEmpty() || chance(10) ? freshId() : pick(knownIds);
            default:
                throw new IllegalArgumentException(path);
        }
    }

    // ------------------------------------------------------------------ filters

    Document filter(List<Object> knownIds) {
        Document f = filter(knownIds, 0);
        // Stock limitation, not generated: a filter whose top-level keys are exactly those of a compound unique index
        // (here the optional {seq, status}) with a literal regex as one value makes the stock engine pick that index and
        // throw "Not yet implemented" (AbstractUniqueIndex.getPositions); real MongoDB and our backend answer it.
        if (f.keySet().equals(Set.of("seq", "status"))
            && (f.get("status") instanceof BsonRegularExpression || f.get("seq") instanceof BsonRegularExpression)) {
            f.remove("status");
        }
        return f;
    }

    private Document filter(List<Object> knownIds, int depth) {
        Document f = new Document();
        int conditions = depth == 0 ? rnd.nextInt(4) : 1 + rnd.nextInt(2);
        for (int i = 0; i < conditions; i++) {
            String path = pick(FILTER_FIELDS);
            if (!f.containsKey(path)) {
                f.put(path, condition(path, knownIds));
            }
        }
        if (depth < 2 && chance(depth == 0 ? 25 : 10)) {
            String op = chance(50) ? "$or" : "$and";
            List<Document> parts = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                parts.add(filter(knownIds, depth + 1));
            }
            if (!f.containsKey(op)) {
                f.put(op, parts);
            }
        }
        return f;
    }

    Object condition(String path, List<Object> knownIds) {
        int r = rnd.nextInt(100);
        if (r < 25) {
            return valueFor(path, knownIds); // implicit $eq
        }
        if (r < 32) {
            return new Document("$eq", valueFor(path, knownIds));
        }
        if (r < 38) {
            return new Document("$ne", valueFor(path, knownIds));
        }
        if (r < 60) {
            return range(path, knownIds);
        }
        if (r < 72) {
            return new Document("$in", values(path, knownIds, 1 + rnd.nextInt(4)));
        }
        if (r < 77) {
            return new Document("$nin", values(path, knownIds, 1 + rnd.nextInt(3)));
        }
        if (r < 83) {
            return new Document("$exists", rnd.nextBoolean());
        }
        if (r < 90) {
            Object inner = REGEX_FIELDS.contains(path) && chance(40) ? regex()
                : chance(50) ? range(path, knownIds) : new Document("$in", values(path, knownIds, 2));
            return new Document("$not", inner);
        }
        if (REGEX_FIELDS.contains(path)) {
            return chance(50) ? regex() : new Document("$regex", regex().getPattern());
        }
        return valueFor(path, knownIds);
    }

    /** One bound or two ($gt/$gte with $lt/$lte) on the same field. */
    Document range(String path, List<Object> knownIds) {
        Document range = new Document();
        int kind = rnd.nextInt(3);
        if (kind != 1) {
            range.put(chance(50) ? "$gt" : "$gte", valueFor(path, knownIds));
        }
        if (kind != 0) {
            range.put(chance(50) ? "$lt" : "$lte", valueFor(path, knownIds));
        }
        return range;
    }

    List<Object> values(String path, List<Object> knownIds, int count) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(valueFor(path, knownIds));
        }
        return values;
    }

    /** Anchored literal prefixes (index-friendly), unanchored fragments, case-insensitive and character classes. */
    BsonRegularExpression regex() {
        switch (rnd.nextInt(6)) {
            case 0:
                return new BsonRegularExpression("^" + pick(List.of("OP-", "op-1", "SP-2", "ção", "São", "Be", "at")));
            case 1:
                return new BsonRegularExpression("^op-", "i");
            case 2:
                return new BsonRegularExpression(pick(List.of("ção", "lém", "-1", "ia", "ti")));
            case 3:
                return new BsonRegularExpression("^[A-Z]{2}-\\d{2}$");
            case 4:
                return new BsonRegularExpression("^" + pick(List.of("ativo", "Ágil", "Campinas")) + "$");
            default:
                return new BsonRegularExpression("o$|^É", "i");
        }
    }

    // ------------------------------------------------------------------ sorts, projections

    /** 0 to 3 sort keys; a sort that ends with {@code _id} (or contains the unique {@code seq}) is total. */
    Document sort() {
        Document sort = new Document();
        int keys = rnd.nextInt(4);
        for (int i = 0; i < keys; i++) {
            sort.putIfAbsent(pick(SORT_FIELDS), direction());
        }
        if (chance(60)) {
            sort.put("_id", direction());
        }
        return sort;
    }

    int direction() {
        return rnd.nextBoolean() ? 1 : -1;
    }

    static boolean isTotal(Document sort) {
        return sort != null && (sort.containsKey("_id") || sort.containsKey("seq"));
    }

    /** Makes a sort total by appending {@code _id}. */
    Document totalSort(Document sort) {
        Document total = sort == null ? new Document() : new Document(sort);
        if (!isTotal(total)) {
            total.put("_id", direction());
        }
        return total;
    }

    Document projection() {
        switch (rnd.nextInt(5)) {
            case 0:
                return new Document("status", 1).append("n", 1).append("site.city", 1);
            case 1:
                return new Document("_id", 0).append("seq", 1).append("code", 1).append("at", 1);
            case 2:
                return new Document("tags", 0).append("site", 0);
            case 3:
                return new Document("_id", 0).append("ref", 0).append("site.geo", 0);
            default:
                return new Document("seq", 1).append("site", 1).append("tags", 1);
        }
    }

    // ------------------------------------------------------------------ updates

    /**
     * An update for a single document: may touch the unique {@code seq} (fresh value or an existing one, which must fail),
     * dotted paths and fields of any type ($inc on a string fails).
     */
    Document singleUpdate(List<Object> knownIds) {
        Document update = new Document();
        Document set = new Document();
        Set<String> roots = new LinkedHashSet<>();
        int sets = rnd.nextInt(3);
        for (int i = 0; i < sets; i++) {
            String path = pick(List.of("status", "n", "score", "flag", "at", "code", "qty", "owner", "site.city",
                "site.uf", "tags", "seq", "site"));
            if (roots.add(root(path))) {
                Object value = path.equals("seq") ? (chance(50) ? freshSeq() : rnd.nextInt(maxSeq() + 1))
                    : path.equals("tags") ? tags() : valueFor(path, knownIds);
                set.put(path, value);
            }
        }
        if (!set.isEmpty()) {
            update.put("$set", set);
        }
        if (chance(30)) {
            String path = pick(List.of("status", "n", "flag", "site", "site.city", "tags", "code", "at"));
            if (roots.add(root(path))) {
                update.put("$unset", new Document(path, ""));
            }
        }
        if (update.isEmpty() || chance(30)) {
            String path = pick(List.of("n", "qty", "score"));
            if (roots.add(root(path))) {
                update.put("$inc", new Document(path, incValue()));
            }
        }
        if (update.isEmpty()) {
            update.put("$set", new Document("touched", rnd.nextInt(5)));
        }
        return update;
    }

    /**
     * An update for many documents. Only top-level fields that cannot make the update fail half-way: stock mongo-java-server
     * applies updateMany document by document in scan order and stops at the first error, so a failing updateMany leaves an
     * order-dependent state, and the scan order differs between backends by design (memory: insertion order; H2: _id order).
     */
    Document manyUpdate() {
        Document update = new Document();
        Document set = new Document();
        int sets = 1 + rnd.nextInt(2);
        for (int i = 0; i < sets; i++) {
            String path = pick(List.of("status", "n", "score", "flag", "at", "code", "owner"));
            set.put(path, valueFor(path, List.of()));
        }
        update.put("$set", set);
        if (chance(30)) {
            String path = pick(List.of("ref", "tags", "touched"));
            update.put("$unset", new Document(path, ""));
        }
        if (chance(40)) {
            update.put("$inc", new Document("qty", rnd.nextInt(5) + 1));
        }
        return update;
    }

    Object incValue() {
        switch (rnd.nextInt(4)) {
            case 0:
                return 1;
            case 1:
                return -2L;
            case 2:
                return 0.5;
            default:
                return new Decimal128(new BigDecimal("1.5"));
        }
    }

    private static String root(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    // ------------------------------------------------------------------ helpers

    boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
