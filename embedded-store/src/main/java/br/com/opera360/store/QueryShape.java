package br.com.opera360.store;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A filter read the way the planner needs it: {@code $and} flattened, the indexable predicates of each field folded into
 * one {@link FieldConstraint}, and which fields also carry predicates an index cannot express. The filter itself stays
 * the stock matcher's input; nothing here decides whether a document matches.
 */
final class QueryShape {
    private static final Set<String> COMPARISONS = Set.of("$gt", "$gte", "$lt", "$lte");

    final Map<String, FieldConstraint> constraints = new LinkedHashMap<>();
    /** Fields with at least one predicate the constraint does not express. */
    final Set<String> residualFields = new HashSet<>();
    /** Every field path the filter reads (for covered evaluation on index keys). */
    final Set<String> referencedFields = new HashSet<>();
    /** {@code $expr}, {@code $where}, {@code $text}…: only a document can answer them. */
    boolean needsDocument;
    /** Top-level logical operators other than {@code $and} ({@code $or}, {@code $nor}). */
    boolean hasLogicalResidual;
    /** The branches of the filter's one {@code $or}, when it has exactly one and no {@code $nor}. */
    List<Document> orBranches;
    private int logicalOperators;
    private final List<Document> otherConjuncts = new java.util.ArrayList<>();

    static QueryShape of(Document filter) {
        QueryShape shape = new QueryShape();
        if (filter != null) {
            shape.read(filter);
            if (shape.logicalOperators != 1) shape.orBranches = null;
        }
        return shape;
    }

    /** The filter's conjuncts other than its {@code $or}, as one filter. */
    Document withoutOr() {
        return otherConjuncts.isEmpty() ? new Document() : new Document("$and", otherConjuncts);
    }

    boolean isEmpty() {
        return constraints.isEmpty() && residualFields.isEmpty() && !needsDocument && !hasLogicalResidual;
    }

    private void read(Document filter) {
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("$and") && value instanceof List<?> list) {
                for (Object part : list) if (part instanceof Document d) read(d); else needsDocument = true;
            } else if (key.equals("$or") || key.equals("$nor")) {
                hasLogicalResidual = true;
                logicalOperators++;
                if (key.equals("$or") && value instanceof List<?> list && list.stream().allMatch(Document.class::isInstance)) {
                    orBranches = list.stream().map(Document.class::cast).toList();
                } else {
                    logicalOperators++;
                }
                if (value instanceof List<?> list) {
                    for (Object part : list) if (part instanceof Document d) collectFields(d); else needsDocument = true;
                }
            } else if (key.equals("$comment")) {
                // no effect on matching
            } else if (key.startsWith("$")) {
                needsDocument = true;
                otherConjuncts.add(new Document(key, value));
            } else {
                readField(key, value);
                otherConjuncts.add(new Document(key, value));
            }
        }
    }

    private void collectFields(Document filter) {
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                if (entry.getValue() instanceof List<?> list) {
                    for (Object part : list) if (part instanceof Document d) collectFields(d); else needsDocument = true;
                }
            } else if (key.startsWith("$")) {
                if (!key.equals("$comment")) needsDocument = true;
            } else {
                referencedFields.add(key);
                if (containsDocumentOnlyOperator(entry.getValue())) needsDocument = true;
            }
        }
    }

    private void readField(String field, Object condition) {
        referencedFields.add(field);
        if (isOperatorDocument(condition)) {
            Document operators = (Document) condition;
            for (Map.Entry<String, Object> op : operators.entrySet()) {
                FieldConstraint c = constraintOf(op.getKey(), op.getValue());
                if (c == null) {
                    residualFields.add(field);
                    if (containsDocumentOnlyOperator(operators)) needsDocument = true;
                } else {
                    add(field, c);
                }
            }
        } else if (isPlainValue(condition)) {
            add(field, FieldConstraint.points(java.util.Collections.singletonList(condition)));
        } else {
            residualFields.add(field);
        }
    }

    private void add(String field, FieldConstraint constraint) {
        FieldConstraint existing = constraints.get(field);
        if (existing == null) {
            constraints.put(field, constraint);
            return;
        }
        constraints.put(field, existing.and(constraint));
    }

    private static FieldConstraint constraintOf(String operator, Object operand) {
        if (operator.equals("$eq") && isPlainValue(operand)) {
            return FieldConstraint.points(java.util.Collections.singletonList(operand));
        }
        // an empty $in matches nothing: no point, no range, nothing read
        if (operator.equals("$in") && operand instanceof Collection<?> values
                && values.stream().allMatch(QueryShape::isPlainValue)) {
            return FieldConstraint.points(new java.util.ArrayList<>(values));
        }
        if (COMPARISONS.contains(operator) && operand != null && !(operand instanceof Collection<?>)
                && !(operand instanceof Document) && !isRegex(operand)) {
            return FieldConstraint.comparison(operator, operand);
        }
        return null;
    }

    /** A value an index can look up as a point: not a document, an array, or a regular expression. */
    private static boolean isPlainValue(Object value) {
        return !(value instanceof Document) && !(value instanceof Collection<?>) && !isRegex(value);
    }

    private static boolean isRegex(Object value) {
        return value instanceof Pattern || value instanceof BsonRegularExpression
                || BsonRegularExpression.isRegularExpression(value);
    }

    private static boolean isOperatorDocument(Object condition) {
        return condition instanceof Document d && !d.isEmpty() && d.keySet().iterator().next().startsWith("$")
                && !BsonRegularExpression.isRegularExpression(d);
    }

    private static boolean containsDocumentOnlyOperator(Object condition) {
        if (!(condition instanceof Document d)) return false;
        for (String key : d.keySet()) {
            if (key.equals("$where") || key.equals("$expr") || key.equals("$text")) return true;
        }
        return false;
    }
}
