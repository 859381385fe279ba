package br.com.opera360.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid bodies for the ingestion API ({@code POST /api/ingest/...}) and lines of its NDJSON batch: one of each, with
 * defaults, for the API tests and benchmarks to adjust with {@link Body#with}. Amounts are decimal strings, sent as
 * JSON numbers.
 */
public final class IngestBodies {
    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    public static final String ISSUER = "M2M Telecomunicações S.A.";
    /** The default issue and due dates of {@link #invoice(String, String, String)}. */
    public static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);
    public static final LocalDate DUE = LocalDate.of(2026, 3, 20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestBodies() {
    }

    /** A JSON object body; {@link #with} answers a changed copy, so one body can be the base of several. */
    public static final class Body extends LinkedHashMap<String, Object> {
        public Body() {
        }

        public Body(Map<String, ?> from) {
            super(from);
        }

        /** A copy with {@code key} set to {@code value}, or without {@code key} when {@code value} is null. */
        public Body with(String key, Object value) {
            Body copy = new Body(this);
            if (value == null) copy.remove(key);
            else copy.put(key, value);
            return copy;
        }
    }

    /** {@link Body#with} for any map body. */
    public static Body with(Map<String, ?> body, String key, Object value) {
        return new Body(body).with(key, value);
    }

    private static Body body(Object... keysAndValues) {
        Body body = new Body();
        for (int i = 0; i < keysAndValues.length; i += 2) body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return body;
    }

    // ---- accounts --------------------------------------------------------------------------------------------------

    /** {@code POST /api/ingest/accounts} without an {@code accountId} (the application assigns one). */
    public static Body account(String cnpj, String companyName, String adminName, String adminEmail) {
        return body("cnpj", cnpj, "companyName", companyName, "administrator", Map.of("name", adminName, "email", adminEmail));
    }

    // ---- invoices --------------------------------------------------------------------------------------------------

    /** An invoice item of a "Link Dedicado" service, without a period. */
    public static Body item(String designation, String amount) {
        return body("designation", designation, "serviceType", "Link Dedicado", "description", "Mensalidade",
                "amount", new BigDecimal(amount));
    }

    /** {@link #item} for February 2026. */
    public static Body monthlyItem(String designation, String amount) {
        return item(designation, amount).with("periodStart", "2026-02-01").with("periodEnd", "2026-02-28");
    }

    /** {@code POST /api/ingest/invoices}, issued by {@link #ISSUER}. */
    public static Body invoice(String accountId, String number, LocalDate issueDate, LocalDate dueDate,
                               List<? extends Map<String, Object>> items) {
        return body("accountId", accountId, "number", number, "issueDate", issueDate.toString(), "dueDate", dueDate.toString(),
                "issuer", ISSUER, "items", items);
    }

    /** An invoice issued 20 days before it is due, with one item {@code LINK-<number>} of {@code amount}. */
    public static Body invoice(String accountId, String number, LocalDate dueDate, String amount) {
        return invoice(accountId, number, dueDate.minusDays(20), dueDate, List.of(item("LINK-" + number, amount)));
    }

    /** An invoice issued on {@link #ISSUED}, due on {@link #DUE}, with one item {@code LINK-<number>} of {@code amount}. */
    public static Body invoice(String accountId, String number, String amount) {
        return invoice(accountId, number, ISSUED, DUE, List.of(item("LINK-" + number, amount)));
    }

    /** {@code POST /api/ingest/payments} without a {@code paymentId}. */
    public static Body payment(String accountId, String invoiceNumber, String amount, LocalDate paidOn) {
        return body("accountId", accountId, "invoiceNumber", invoiceNumber, "amount", new BigDecimal(amount),
                "paidOn", paidOn.toString());
    }

    public static Body installment(int number, LocalDate dueDate, String amount) {
        return body("number", number, "dueDate", dueDate.toString(), "amount", new BigDecimal(amount));
    }

    /** {@code POST /api/ingest/negotiations}. */
    public static Body negotiation(String accountId, String negotiationId, List<String> invoiceNumbers, LocalDate agreedOn,
                                   List<? extends Map<String, Object>> installments) {
        return body("accountId", accountId, "negotiationId", negotiationId, "invoiceNumbers", invoiceNumbers,
                "agreedOn", agreedOn.toString(), "installments", installments);
    }

    /** {@code POST /api/ingest/installment-payments}. */
    public static Body installmentPayment(String accountId, String negotiationId, int installmentNumber, String amount,
                                          LocalDate paidOn) {
        return body("accountId", accountId, "negotiationId", negotiationId, "installmentNumber", installmentNumber,
                "amount", new BigDecimal(amount), "paidOn", paidOn.toString());
    }

    // ---- services --------------------------------------------------------------------------------------------------

    public static Body address(String street, String number, String district, String city, String state, String cep) {
        return body("street", street, "number", number, "district", district, "city", city, "state", state, "cep", cep);
    }

    /** Av. Paulista 1000, 10º andar, Bela Vista, São Paulo SP, 01310-100. */
    public static Body paulista() {
        return address("Av. Paulista", "1000", "Bela Vista", "São Paulo", "SP", "01310-100").with("complement", "10º andar");
    }

    public static Body location(double lat, double lon) {
        return body("lat", lat, "lon", lon);
    }

    /** {@code POST /api/ingest/services}: an active 100 Mbps "Link Dedicado" on {@link #paulista()}, located there. */
    public static Body service(String accountId, String designation) {
        return body("accountId", accountId, "designation", designation, "serviceType", "Link Dedicado",
                "contract", "CT-2024-001", "clientCode", "CLI-77", "speedMbps", 100, "status", "ACTIVE",
                "activatedOn", "2025-11-03", "address", paulista(), "location", location(-23.561, -46.656));
    }

    // ---- batches ---------------------------------------------------------------------------------------------------

    /** One line of {@code POST /api/ingest/batch}: {@code {"type": ..., "data": ...}}, without its line break. */
    public static String line(String type, Object data) {
        try {
            return JSON.writeValueAsString(Map.of("type", type, "data", data));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
