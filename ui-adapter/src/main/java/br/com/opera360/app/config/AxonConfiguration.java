package br.com.opera360.app.config;

import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.command.common.ConflictReportingCommandBus;
import br.com.opera360.command.common.RejectionWrappingInterceptor;
import br.com.opera360.kernel.export.ExportQuery;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import java.time.Clock;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.ClassUtils;

import java.util.HashMap;
import java.util.Map;

/** Axon wiring shared by both runtime modes. Mode differences live in Embedded/ProductionModeConfiguration. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {
    static final String KERNEL_PACKAGE = "br.com.opera360.kernel";

    @Bean
    @Primary
    Serializer serializer(ObjectMapper objectMapper) {
        ObjectMapper mapper = objectMapper.copy()
                // history must stay readable after a field is added: unknown fields are ignored, never fatal
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // snapshots: an aggregate is stored by its fields (it has no getters); events and other types are unchanged
        mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(new AggregateFields(),
                mapper.getSerializationConfig().getAnnotationIntrospector()));
        mapper.addMixIn(ExportQuery.class, ExportQueryTypes.class);
        var builder = JacksonSerializer.builder().objectMapper(mapper).revisionResolver(new AnnotationRevisionResolver());
        return new KernelTypeSerializer(builder, kernelRecords());
    }

    /** Aggregates ({@code @Aggregate}) are (de)serialized field by field, for snapshots. */
    static final class AggregateFields extends NopAnnotationIntrospector {
        @Override
        public VisibilityChecker<?> findAutoDetectVisibility(AnnotatedClass ac, VisibilityChecker<?> checker) {
            if (ac.hasAnnotation(Aggregate.class)) {
                return VisibilityChecker.Std.defaultInstance().with(JsonAutoDetect.Visibility.NONE)
                                        .withFieldVisibility(JsonAutoDetect.Visibility.ANY);
            }
            return checker;
        }
    }

    /**
     * Long-lived aggregates (invoices, services, users: every payment, change and login is an event) are loaded from
     * a snapshot plus the events after it: a snapshot is taken after every 100 events since the last one. The
     * snapshot is stored by the event store of the mode (the JDBC engine's {@code SnapshotEventEntry} table, Axon
     * Server's snapshot store) with the aggregate's {@code @Revision}; a snapshot of another revision is ignored.
     */
    @Bean
    SnapshotTriggerDefinition snapshotEvery100Events(ObjectProvider<org.axonframework.config.Configuration> axon) {
        Snapshotter snapshotter = (type, id) -> axon.getObject().snapshotter().scheduleSnapshot(type, id);
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_THRESHOLD);
    }

    static final int SNAPSHOT_THRESHOLD = 100;

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Every top-level record of the kernel, by simple name; a duplicate name would make history ambiguous. */
    static Map<String, Class<?>> kernelRecords() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        Map<String, Class<?>> types = new HashMap<>();
        for (var candidate : scanner.findCandidateComponents(KERNEL_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), AxonConfiguration.class.getClassLoader());
            if (type.getEnclosingClass() != null) continue;
            Class<?> previous = types.put(type.getSimpleName(), type);
            if (previous != null) {
                throw new IllegalStateException("Two kernel records named " + type.getSimpleName() + ": " + previous + ", " + type);
            }
        }
        return types;
    }

    @Bean
    DefaultMongoTemplate axonMongoTemplate(MongoClient mongoClient,
                                           @Value("${spring.data.mongodb.database:opera360}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build();
    }

    /**
     * Tracking tokens sit next to the read models. {@code opera360.axon.node-id} is fixed in the embedded mode so that
     * a restarted process takes its own claims back at once instead of waiting for them to time out.
     */
    @Bean
    TokenStore tokenStore(DefaultMongoTemplate axonMongoTemplate, Serializer serializer,
                          @Value("${opera360.axon.node-id:}") String nodeId) {
        var builder = MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).ensureIndexes(true);
        if (!nodeId.isBlank()) builder.nodeId(nodeId);
        return builder.build();
    }

    @Bean
    SagaStore<Object> sagaStore(DefaultMongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /**
     * Streaming processors handle up to {@value #PROCESSOR_BATCH} available events in one unit of work (one token
     * update instead of one per event): a replay or a catch-up after a restart goes several times faster, and a quiet
     * processor still handles each event as soon as it is there. A crash mid-batch redelivers the batch, which the
     * idempotent projections ignore.
     */
    @Bean
    ConfigurerModule processorBatches() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(PROCESSOR_BATCH));
    }

    static final int PROCESSOR_BATCH = 100;

    /** Projections' creations are written once per batch, before its token (see {@link BatchedInserts}). */
    @Bean
    ConfigurerModule batchedProjectionInserts(BatchedInserts inserts) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, processor) -> inserts);
    }

    /**
     * The bus that runs our handlers (Axon's {@code SimpleCommandBus}: the only bus when embedded, Axon Server's local
     * segment in production) reports a lost race as a rejection, so it crosses Axon Server typed.
     */
    @Bean
    static BeanPostProcessor conflictReportingCommandBus() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof SimpleCommandBus handlers ? new ConflictReportingCommandBus(handlers) : bean;
            }
        };
    }

    @Bean
    RejectionWrappingInterceptor rejectionWrappingInterceptor(CommandBus commandBus) {
        var interceptor = new RejectionWrappingInterceptor();
        commandBus.registerHandlerInterceptor(interceptor);
        return interceptor;
    }

    /**
     * Event timestamps come from the application's clock, like every other "now". Axon 4 takes them from the static
     * {@code GenericEventMessage.clock} and offers no injection point, hence the assignment.
     */
    @Bean
    InitializingBean eventClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }
}
