package br.com.opera360.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Schema evolution, worked example: revision {@code 0} of {@code InvoiceRegistered} carried the items but not the
 * invoice's total (readers summed the items); revision {@code 1} records {@code totalAmount}. This upcaster turns a
 * stored revision-0 event into revision 1 as it is read, adding the total as the exact sum of the item amounts, so
 * the aggregate, the projections and the audit read one shape and the stored history is never rewritten.
 * <p>
 * Axon registers every {@code EventUpcaster} bean in the configuration's upcaster chain, which both storage engines
 * receive: the JDBC engine of the embedded mode and the Axon Server event store of production. The payload arrives as
 * the JSON the Jackson serializer wrote.
 */
@Component
@Order(0)
public class InvoiceRegisteredUpcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_0 = new SimpleSerializedType("InvoiceRegistered", "0");
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType("InvoiceRegistered", "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_0.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_1, JsonNode.class, InvoiceRegisteredUpcaster::addTotal);
    }

    static JsonNode addTotal(JsonNode revision0) {
        ObjectNode event = revision0.deepCopy();
        if (!event.hasNonNull("totalAmount")) {
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (JsonNode item : event.path("items")) total = total.add(item.path("amount").decimalValue());
            event.put("totalAmount", total);
        }
        return event;
    }
}
