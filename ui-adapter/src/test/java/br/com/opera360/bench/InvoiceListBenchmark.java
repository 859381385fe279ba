package br.com.opera360.bench;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceItem;
import br.com.opera360.kernel.invoice.InvoicePage;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import br.com.opera360.testing.ApiTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Not part of the normal build (surefire runs *Test classes only). Run with:
 * {@code ./mvnw -B -o -pl ui-adapter -am verify -Dtest=InvoiceListBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * ({@code -Dbench.invoices=N} for another size). Ingests N invoices for one account through the command bus (the
 * same commands ingestion sends), waits for the read model, then measures the invoice list, sorted by dueDate desc,
 * page 0 and a deep page, through the portal endpoint (real HTTP with a signed-in user's bearer token) and through the
 * query bus, next to a raw Spring Data query of the same page (find with skip/limit + count) in the same run.
 * Reports requests/s, p50 and p99 to stdout and target/bench/invoice-list.txt.
 */
class InvoiceListBenchmark extends ApiTest {
    static final int INVOICES = Integer.getInteger("bench.invoices", 100_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 30);
    static final int SIZE = 20;

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    ReactiveMongoTemplate mongo;

    record Result(String name, double requestsPerSecond, double p50Ms, double p99Ms) {
        @Override
        public String toString() {
            return String.format("%-34s %8.1f req/s   p50 %8.1f ms   p99 %8.1f ms", name, requestsPerSecond, p50Ms, p99Ms);
        }
    }

    @Test
    void invoice_list_throughput_for_an_account_with_many_invoices() throws Exception {
        var account = newAccount();
        var acc = new AccountId(account.accountId());
        long ingestStart = System.nanoTime();
        ingest(acc);
        double ingestSeconds = Latencies.secondsSince(ingestStart);
        long viewStart = System.nanoTime();
        awaitView(acc);
        double viewSeconds = Latencies.secondsSince(viewStart);

        var client = web.mutate().defaultHeaders(bearer(loginWith(account, "INVOICES_VIEW")))
                .responseTimeout(Duration.ofMinutes(1)).build();

        int deepPage = INVOICES / SIZE - 10;
        List<Result> results = new ArrayList<>();
        for (int page : new int[]{0, deepPage}) {
            // same answer first: the endpoint's page is the raw query's page
            var viaQuery = queries.query(find(acc, page), InvoicePage.class).join();
            var raw = raw(acc, page).block();
            assertThat(viaQuery.totalItems()).isEqualTo(INVOICES);
            assertThat(viaQuery.items()).extracting(i -> i.number()).containsExactlyElementsOf(
                    ((List<Document>) raw.get("items")).stream().map(d -> d.getString("number")).toList());

            String label = page == 0 ? "page 0" : "page " + page + " (offset " + (long) page * SIZE + ")";
            results.add(measure("raw Spring Data, " + label, () -> raw(acc, page).block()));
            results.add(measure("query bus, " + label, () -> queries.query(find(acc, page), InvoicePage.class).join()));
            results.add(measure("GET /api/invoices, " + label, () -> client.get()
                    .uri("/api/invoices?page={p}&size={s}&sort=dueDate,desc", page, SIZE).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody()));
        }

        var report = new StringBuilder();
        report.append(String.format("Invoice list benchmark: %d invoices in one account, page size %d, %d measured requests each%n",
                INVOICES, SIZE, REQUESTS));
        report.append(String.format("ingestion through the command bus: %.1f s (%.0f invoices/s); read model caught up %.1f s later%n",
                ingestSeconds, INVOICES / ingestSeconds, viewSeconds));
        results.forEach(r -> report.append(r).append('\n'));
        for (int i = 0; i < results.size(); i += 3) {
            double ratio = results.get(i + 2).requestsPerSecond() / results.get(i).requestsPerSecond();
            report.append(String.format("ratio endpoint / raw (%s): %.2f%n", results.get(i).name().replace("raw Spring Data, ", ""), ratio));
        }
        System.out.println(report);
        Path out = Path.of("target/bench/invoice-list.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        for (int i = 0; i < results.size(); i += 3) {
            assertThat(results.get(i + 2).requestsPerSecond() / results.get(i).requestsPerSecond()).isGreaterThanOrEqualTo(0.5);
        }
    }

    private FindInvoices find(AccountId acc, int page) {
        return new FindInvoices(acc, null, null, Set.of(), null, null, null, InvoiceSortField.DUE_DATE, false, new PageRequest(page, SIZE));
    }

    /** What a hand-written Spring Data query of the same page costs: find with sort, skip, limit, plus the count. */
    private Mono<Map<String, Object>> raw(AccountId acc, int page) {
        var filter = Query.query(where("accountId").is(acc.value()));
        var items = mongo.find(Query.of(filter).with(Sort.by(Sort.Direction.DESC, "dueDate").and(Sort.by(Sort.Direction.DESC, "number")))
                .skip((long) page * SIZE).limit(SIZE), Document.class, "invoices").collectList();
        return Mono.zip(items, mongo.count(filter, "invoices")).map(t -> Map.of("items", t.getT1(), "total", t.getT2()));
    }

    private static Result measure(String name, Supplier<?> request) {
        for (int i = 0; i < 3; i++) request.get(); // warm-up
        long[] nanos = new long[REQUESTS];
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            long t = System.nanoTime();
            request.get();
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = Latencies.secondsSince(start);
        var latencies = Latencies.of(nanos);
        return new Result(name, REQUESTS / seconds, latencies.percentileMs(50), latencies.percentileMs(99));
    }

    private void ingest(AccountId acc) throws InterruptedException {
        var inFlight = new Semaphore(64);
        List<CompletableFuture<Object>> pending = new ArrayList<>();
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < INVOICES; i++) {
            String number = String.format("B-%07d", i);
            LocalDate issue = first.plusDays(i % 425);
            var item = new InvoiceItem("LINK-" + (i % 50), "Link Dedicado", "Mensalidade", Money.ofCents(10_000 + (i * 7919L) % 500_000), null, null);
            inFlight.acquire();
            var future = commands.send(new RegisterInvoice(InvoiceId.of(acc, number), acc, number, issue, issue.plusDays(15),
                    "M2M Telecomunicações S.A.", null, List.of(item)));
            future.whenComplete((r, e) -> inFlight.release());
            pending.add(future);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    private void awaitView(AccountId acc) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(20).toMillis();
        while (mongo.count(Query.query(where("accountId").is(acc.value())), "invoices").block() < INVOICES) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the read model did not catch up");
            Thread.sleep(500);
        }
    }

}
