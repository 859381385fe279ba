package br.com.opera360.query.common;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

// Over 200 lines because: which generation a read or a write uses and its persisted state change under one lock (see
// below); dropping collections is GenerationCollections' job.
// One class because: which generation a read or a write uses, its persisted state and when to drop the old one change
// together under this object's lock (start, finish, refresh); split, that lock would span classes. Static because Spring
// Data resolves @Document collection names by a SpEL T(...) call that reaches no bean and cannot be told who is writing,
// so the live instance is a static list and the writing group a ThreadLocal set by a handler interceptor.
/**
 * Read-model generations: a projection is rebuilt into a new set of collections while the queries keep reading the
 * complete old set, and the reads move to the new set in one step once the rebuild has caught up.
 * <p>
 * Each processing group that declares its collections with a {@link ReadModel} has an <em>active</em> generation
 * (what queries read) and, during a rebuild, a <em>building</em> one (what its projections write). Generation 0 uses
 * the base collection names ({@code invoices}); generation n uses {@code invoices_g<n>}. View records name their
 * collection with
 * <pre>{@code @Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('invoice', 'invoices')}")}</pre>
 * so every Spring Data call on the view class ({@code mongo.insert(view)}, {@code indexOps(View.class)},
 * {@code getCollectionName(View.class)}) resolves, at the moment of the call: on a thread that is handling an event
 * for that group, the building generation if there is one; everywhere else the active generation. The state
 * {@code {_id: group, active, building}} lives in the collection {@value #STATE}, so it survives restarts and every
 * instance sees it ({@link #refresh()}).
 */
@Component
public class ReadModelGenerations implements SmartInitializingSingleton, DisposableBean {
    public static final String STATE = "read_model_generations";
    private static final Logger log = LoggerFactory.getLogger(ReadModelGenerations.class);
    /** The live instances; the first answers the static lookups (one application per JVM; in a test JVM the shared API-test context). */
    private static final List<ReadModelGenerations> LIVE = new CopyOnWriteArrayList<>();
    /** The processing group whose event the current thread is handling. */
    private static final ThreadLocal<String> WRITER = new ThreadLocal<>();
    /** An explicit generation for the current thread (index creation, reset handlers of a rebuild). */
    private static final ThreadLocal<Target> TARGET = new ThreadLocal<>();

    /** How long a replaced generation stays readable for the reads that were under way at the switch. */
    private Duration dropGrace = Duration.ofSeconds(30);
    private final ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-model-generation-dropper");
        t.setDaemon(true);
        return t;
    });
    private final MongoTemplate mongo;
    private final Map<String, List<ReadModel>> models = new LinkedHashMap<>();
    private final GenerationCollections collections;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public record State(int active, Integer building) {
        static final State INITIAL = new State(0, null);
    }

    private record Target(String group, int generation) {
    }

    public ReadModelGenerations(MongoTemplate mongo, List<ReadModel> declarations) {
        this.mongo = mongo;
        for (ReadModel m : declarations) models.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m);
        this.collections = new GenerationCollections(mongo, models);
        LIVE.add(this);
    }

    /** The collection of {@code base} for the current thread: see the class comment. Used by {@code @Document}. */
    public static String collection(String group, String base) {
        Target target = TARGET.get();
        if (target != null && target.group().equals(group)) return name(base, target.generation());
        if (LIVE.isEmpty()) return base; // no application context (plain unit tests): generation 0
        State state = LIVE.get(0).state(group);
        if (state.building() != null && group.equals(WRITER.get())) return name(base, state.building());
        return name(base, state.active());
    }

    static String name(String base, int generation) {
        return generation == 0 ? base : base + "_g" + generation;
    }

    /** Every event handled by a processor runs with the writer scope of its group (= the processor's name). */
    @Autowired
    void writerScope(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((config, processorName) -> writerInterceptor(processorName));
    }

    static MessageHandlerInterceptor<EventMessage<?>> writerInterceptor(String group) {
        return (unitOfWork, chain) -> {
            String previous = WRITER.get();
            WRITER.set(group);
            try {
                return chain.proceed();
            } finally {
                if (previous == null) WRITER.remove(); else WRITER.set(previous);
            }
        };
    }

    @Autowired
    public void setDropGrace(@Value("${opera360.read-models.drop-grace:PT30S}") Duration dropGrace) {
        this.dropGrace = dropGrace;
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
        for (String group : models.keySet()) {
            State state = state(group);
            ensureIndexes(group, state.active());
            if (state.building() != null) ensureIndexes(group, state.building());
            collections.dropStale(group, state);
        }
    }

    @Override
    public void destroy() {
        LIVE.remove(this);
        dropper.shutdownNow();
    }

    /** Groups whose read models can be rebuilt in a new generation. */
    public Set<String> groups() {
        return models.keySet();
    }

    public boolean isManaged(String group) {
        return models.containsKey(group);
    }

    public State state(String group) {
        return states.getOrDefault(group, State.INITIAL);
    }

    /** Reloads the persisted states (another instance may have started or finished a rebuild). */
    public synchronized void refresh() {
        Map<String, State> loaded = new LinkedHashMap<>();
        for (Document d : mongo.findAll(Document.class, STATE)) {
            loaded.put(d.getString("_id"), new State(d.getInteger("active", 0), d.getInteger("building")));
        }
        states.keySet().retainAll(loaded.keySet());
        states.putAll(loaded);
    }

    /**
     * Prepares the next generation of {@code group} (empty collections with their indexes), runs {@code reset} (the
     * processor's token reset: its reset handlers act on the new generation) and only then records the generation as
     * building, so that the processor, once started, writes there. A crash before the record leaves the group
     * replaying into its active generation, which the idempotent projections accept without a partial view.
     */
    public synchronized int startBuilding(String group, Runnable reset) {
        if (!isManaged(group)) throw new IllegalArgumentException("No read model declared for " + group);
        State current = state(group);
        if (current.building() != null) {
            log.warn("Read model '{}': generation {} was being built; starting over", group, current.building());
            collections.drop(group, current.building());
        }
        int next = Math.max(current.active(), current.building() == null ? 0 : current.building()) + 1;
        collections.drop(group, next);
        ensureIndexes(group, next);
        inGeneration(group, next, reset);
        save(group, new State(current.active(), next));
        log.info("Read model '{}': building generation {} while generation {} serves the reads", group, next, current.active());
        return next;
    }

    /**
     * The rebuild has caught up: reads move to the new generation, and the old one is dropped after
     * the drop grace ({@code opera360.read-models.drop-grace}, 30 s), so that a read that resolved its collections just before the switch (a list's count and its
     * page are two calls) still finds the complete old generation. A process that stops meanwhile drops it on its
     * next start ({@link GenerationCollections#dropStale}).
     */
    public synchronized boolean finishBuilding(String group) {
        State current = state(group);
        if (current.building() == null) return false;
        save(group, new State(current.building(), null));
        int old = current.active();
        dropper.schedule(() -> {
            try {
                synchronized (this) {
                    State now = state(group);
                    if (now.active() != old && !Integer.valueOf(old).equals(now.building())) collections.drop(group, old);
                }
                log.info("Read model '{}': generation {} dropped", group, old);
            } catch (RuntimeException e) {
                log.warn("Read model '{}': generation {} not dropped yet ({}); the next start drops it", group, old, e.toString());
            }
        }, dropGrace.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Read model '{}': generation {} caught up and now serves the reads; generation {} is dropped in {} s",
                group, current.building(), old, dropGrace.toSeconds());
        return true;
    }

    /** Runs {@code work} with every collection of {@code group} resolved to {@code generation}. */
    public void inGeneration(String group, int generation, Runnable work) {
        Target previous = TARGET.get();
        TARGET.set(new Target(group, generation));
        try {
            work.run();
        } finally {
            if (previous == null) TARGET.remove(); else TARGET.set(previous);
        }
    }

    private void ensureIndexes(String group, int generation) {
        inGeneration(group, generation, () -> models.get(group).forEach(m -> m.ensureIndexes(mongo)));
    }

    private void save(String group, State state) {
        mongo.upsert(query(where("_id").is(group)),
                new Update().set("active", state.active()).set("building", state.building()), STATE);
        states.put(group, state);
    }
}
