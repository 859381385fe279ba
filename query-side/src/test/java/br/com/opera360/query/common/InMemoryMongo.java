package br.com.opera360.query.common;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import br.com.opera360.store.IndexedH2Backend;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The embedded store (indexed mongo-java-server) in memory for one test, reached over the wire like the application's store: a blocking
 * template for projections and a reactive one for query handlers, both on database {@code test}. Close it after the
 * test.
 */
public final class InMemoryMongo implements AutoCloseable {
    private final MongoServer server = new MongoServer(IndexedH2Backend.inMemoryStore());
    private final MongoClient client;
    private final com.mongodb.reactivestreams.client.MongoClient reactiveClient;

    public InMemoryMongo() {
        var address = server.bind();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        client = MongoClients.create(uri);
        reactiveClient = com.mongodb.reactivestreams.client.MongoClients.create(uri);
    }

    public MongoTemplate template() {
        return new MongoTemplate(client, "test");
    }

    public ReactiveMongoTemplate reactiveTemplate() {
        return new ReactiveMongoTemplate(reactiveClient, "test");
    }

    @Override
    public void close() {
        client.close();
        reactiveClient.close();
        server.shutdown();
    }
}
