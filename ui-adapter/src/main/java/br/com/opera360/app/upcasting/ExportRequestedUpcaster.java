package br.com.opera360.app.upcasting;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.export.ExportDataset;
import br.com.opera360.web.export.ExportFilters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ExportRequested} without a revision carried only the list's raw {@code filters}, which the export process
 * parsed when it produced the file; revision {@code 1} also records the {@code query} they were parsed into when the
 * export was requested. This upcaster parses a stored revision-0 request's filters with the list's own parser (the
 * web's, which is why it lives in the application's wiring and not in the query side) as the event is read, so the
 * aggregate, the export process, the notifications and the audit read one shape. Filters the list no longer accepts
 * leave {@code query} null, and the export process fails such an export with a reason for the user: an upcaster never
 * fails a read.
 */
@Component
@Order(1)
public class ExportRequestedUpcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_0 = new SimpleSerializedType("ExportRequested", null);
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType("ExportRequested", "1");
    private static final Logger log = LoggerFactory.getLogger(ExportRequestedUpcaster.class);

    /** The application's mapper, of which the event serializer's is a copy: the query's JSON is what it would store. */
    private final ObjectMapper json;

    public ExportRequestedUpcaster(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_0.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_1, JsonNode.class, this::addQuery);
    }

    JsonNode addQuery(JsonNode revision0) {
        ObjectNode event = revision0.deepCopy();
        if (event.hasNonNull("query")) return event;
        try {
            var dataset = ExportDataset.parse(event.path("dataset").asText(null));
            var account = new AccountId(event.path("accountId").asText(null));
            event.set("query", json.valueToTree(ExportFilters.parse(dataset, account, filters(event.path("filters")))));
        } catch (RuntimeException e) {
            log.debug("Export {}: its recorded filters no longer parse ({}); it is read without a query",
                    event.path("exportId").asText(), e.toString());
            event.putNull("query");
        }
        return event;
    }

    private static Map<String, List<String>> filters(JsonNode node) {
        Map<String, List<String>> filters = new TreeMap<>();
        node.fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            if (field.getValue().isArray()) field.getValue().forEach(v -> values.add(v.asText()));
            else if (!field.getValue().isNull()) values.add(field.getValue().asText());
            filters.put(field.getKey(), values);
        });
        return filters;
    }
}
