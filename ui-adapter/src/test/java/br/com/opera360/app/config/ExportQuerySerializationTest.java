package br.com.opera360.app.config;

import br.com.opera360.app.upcasting.ExportRequestedUpcaster;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.export.ExportDataset;
import br.com.opera360.kernel.export.ExportFormat;
import br.com.opera360.kernel.export.ExportId;
import br.com.opera360.kernel.export.ExportInvoices;
import br.com.opera360.kernel.export.ExportQuery;
import br.com.opera360.kernel.export.ExportRequested;
import br.com.opera360.kernel.export.ExportServices;
import br.com.opera360.kernel.export.RequestExport;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.service.ServiceFilter;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.web.export.ExportFilters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export's parsed query crosses the bus (the command, in production) and the event store as the record it is,
 * without a type name, and comes back the same; a request stored before requests held their query is read with the
 * query its filters parse into.
 */
class ExportQuerySerializationTest {
    static final AccountId ACME = new AccountId("acme");
    static final Instant AT = Instant.parse("2026-03-10T15:00:00Z");
    /** As Spring Boot configures the application's mapper (dates as ISO text). */
    final ObjectMapper json = Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    final Serializer serializer = new AxonConfiguration().serializer(json);

    static final ExportInvoices INVOICES = new ExportInvoices(new FindInvoices(ACME, 2026, 3,
            Set.of(InvoiceStatus.OPEN, InvoiceStatus.PENDING), null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
            InvoiceSortField.DUE_DATE, true, new PageRequest(0, PageRequest.DEFAULT_SIZE)));
    static final ExportServices SERVICES = new ExportServices(ACME, new ServiceFilter("link", "SP", null, null, null, 100,
            List.of(ServiceStatus.ACTIVE), List.of("Link Dedicado")));

    @Test
    void the_request_and_its_event_come_back_with_the_same_query_of_either_kind() {
        for (ExportQuery query : List.of(INVOICES, SERVICES)) {
            var event = new ExportRequested("e-1", "acme", "u-1", query.dataset().code(), "csv",
                    Map.of("status", List.of("OPEN")), query, AT);
            SerializedObject<String> stored = serializer.serialize(event, String.class);
            assertThat(stored.getType().getName()).isEqualTo("ExportRequested");
            assertThat(stored.getType().getRevision()).isEqualTo("1");
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);

            var command = new RequestExport(ExportId.generate(), ACME, new UserId("u-1"), query.dataset(), ExportFormat.XLSX,
                    Map.of(), query, AT);
            assertThat((Object) serializer.deserialize(serializer.serialize(command, String.class))).isEqualTo(command);
        }
    }

    @Test
    void the_stored_query_is_the_record_as_it_is_with_no_type_name() throws Exception {
        JsonNode invoices = json.readTree(serializer.serialize(INVOICES, String.class).getData());
        assertThat(invoices.fieldNames()).toIterable().containsExactly("list");
        assertThat(invoices.path("list").path("dueFrom").asText()).isEqualTo("2026-03-01");
        JsonNode services = json.readTree(serializer.serialize(SERVICES, String.class).getData());
        assertThat(services.fieldNames()).toIterable().containsExactlyInAnyOrder("accountId", "filter");
        // the export process keeps the query in its job by its type: it comes back as it went
        assertThat((Object) serializer.deserialize(serializer.serialize(INVOICES, String.class))).isEqualTo(INVOICES);
        assertThat((Object) serializer.deserialize(serializer.serialize(SERVICES, String.class))).isEqualTo(SERVICES);
    }

    @Test
    void a_request_stored_with_only_its_filters_is_read_with_the_query_the_list_parses_them_into() {
        Map<String, List<String>> filters = Map.of("year", List.of("2026"), "month", List.of("3"),
                "status", List.of("OPEN", "pending"), "dueFrom", List.of("2026-03-01"), "sort", List.of("dueDate,asc"));
        ExportRequested read = readRevision0("""
                {"exportId":"e-1","accountId":"acme","userId":"u-1","dataset":"invoices","format":"csv",
                 "filters":{"year":["2026"],"month":["3"],"status":["OPEN","pending"],"dueFrom":["2026-03-01"],"sort":["dueDate,asc"]},
                 "requestedAt":"2026-03-10T15:00:00Z"}""");
        assertThat(read.filters()).isEqualTo(filters);
        assertThat(read.query()).isEqualTo(ExportFilters.parse(ExportDataset.INVOICES, ACME, filters));
        assertThat(((ExportInvoices) read.query()).list().statuses()).containsExactlyInAnyOrder(InvoiceStatus.OPEN, InvoiceStatus.PENDING);

        ExportRequested services = readRevision0("""
                {"exportId":"e-2","accountId":"acme","userId":"u-1","dataset":"services","format":"xlsx",
                 "filters":{"state":["SP"],"status":["ACTIVE"]},"requestedAt":"2026-03-10T15:00:00Z"}""");
        assertThat(services.query()).isEqualTo(ExportFilters.parse(ExportDataset.SERVICES, ACME,
                Map.of("state", List.of("SP"), "status", List.of("ACTIVE"))));

        ExportRequested rejected = readRevision0("""
                {"exportId":"e-3","accountId":"acme","userId":"u-1","dataset":"invoices","format":"csv",
                 "filters":{"status":["LATER"]},"requestedAt":"2026-03-10T15:00:00Z"}""");
        assertThat(rejected.query()).as("filters the list no longer accepts").isNull();
        assertThat(rejected.filters()).containsEntry("status", List.of("LATER"));
    }

    private ExportRequested readRevision0(String payload) {
        var entry = new GenericDomainEventEntry<>("Export", "e-1", 0, "event-1", AT, "ExportRequested", null,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        Stream<IntermediateEventRepresentation> upcast = new ExportRequestedUpcaster(json)
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)));
        var representation = upcast.toList();
        assertThat(representation).singleElement().satisfies(r -> assertThat(r.getType().getRevision()).isEqualTo("1"));
        return serializer.deserialize(representation.get(0).getData());
    }
}
