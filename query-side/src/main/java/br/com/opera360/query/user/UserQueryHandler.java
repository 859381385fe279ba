package br.com.opera360.query.user;

import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.user.FindUsers;
import br.com.opera360.kernel.user.GetUser;
import br.com.opera360.kernel.user.GetUserAccess;
import br.com.opera360.kernel.user.UserAccess;
import br.com.opera360.kernel.user.UserCompany;
import br.com.opera360.kernel.user.UserDetails;
import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModelGenerations;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The account filter is part of every query: another account's user is simply not found. */
@Component
class UserQueryHandler {
    /** The profile view (query.profile) lives in the same processing group; read by collection name, current generation. */
    static String profiles() {
        return ReadModelGenerations.collection(ProcessingGroups.IDENTITY, "profiles");
    }

    /** The companies joined to a user on every request (see {@link CompanyView}). */
    static String companies() {
        return ReadModelGenerations.collection(ProcessingGroups.IDENTITY, CompanyView.COLLECTION);
    }

    private final ReactiveMongoTemplate mongo;

    UserQueryHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CompletableFuture<UserDetails> handle(GetUser q) {
        return userWithProfile(where("_id").is(q.userId().value()).and("accountId").is(q.accountId().value()))
                .map(UserWithProfile::details)
                .toFuture();
    }

    /** Raw {@code Page}: Axon matches a handler's declared type without generics ({@code instanceOf(Page.class)}). */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    CompletableFuture<Page> handle(FindUsers q) {
        Criteria criteria = where("accountId").is(q.accountId().value());
        if (q.status() != null) criteria = criteria.and("status").is(q.status());
        if (q.profileId() != null) criteria = criteria.and("profileId").is(q.profileId());
        if (q.q() != null && !q.q().isBlank()) {
            // literal match: the search text never acts as a regular expression
            Pattern text = Pattern.compile(Pattern.quote(UserView.searchKey(q.q().strip())));
            criteria = criteria.orOperator(where("nameKey").regex(text), where("emailKey").regex(text));
        }
        Query find = query(criteria).with(Sort.by("nameKey", "_id")).skip((long) q.page() * q.size()).limit(q.size());
        return mongo.count(query(criteria), UserView.class)
                    .zipWith(mongo.find(find, UserView.class).collectList())
                    .flatMap(t -> profileNames(t.getT2().stream().map(UserView::profileId).distinct().toList())
                            .map(names -> Page.of(t.getT2().stream().map(u -> u.toDetails(names.get(u.profileId()))).toList(),
                                    q.page(), q.size(), t.getT1())))
                    .map(Page.class::cast)
                    .toFuture();
    }

    /**
     * On every portal request: one round trip, the user's view joined with its profile ({@code $lookup} on the
     * profile's {@code _id}), so a profile's new rights apply on the user's next request, and with its company (for
     * {@code /api/me}).
     */
    @QueryHandler
    CompletableFuture<UserAccess> handle(GetUserAccess q) {
        return userWithProfile(where("_id").is(q.userId().value()))
                .map(u -> new UserAccess(u.user().id(), u.user().accountId(), "ACTIVE".equals(u.user().status()),
                        u.user().administrator(), u.user().profileId(),
                        u.profile() == null ? List.of() : u.profile().getList("functionalities", String.class, List.of()),
                        u.user().version(), u.details(), u.company()))
                .toFuture();
    }

    private record UserWithProfile(UserView user, Document profile, UserCompany company) {
        UserDetails details() {
            return user.toDetails(profile == null ? null : profile.getString("name"));
        }
    }

    /**
     * One round trip: the user's view joined with its profile (a profile counts only within the user's own account)
     * and its company (both by {@code _id}, on the index).
     */
    private Mono<UserWithProfile> userWithProfile(Criteria user) {
        var join = Aggregation.newAggregation(
                Aggregation.match(user),
                Aggregation.limit(1),
                Aggregation.lookup(profiles(), "profileId", "_id", "profile"),
                Aggregation.lookup(companies(), "accountId", "_id", "company"));
        return mongo.aggregate(join, mongo.getCollectionName(UserView.class), Document.class)
                    .next()
                    .map(doc -> {
                        UserView view = mongo.getConverter().read(UserView.class, doc);
                        Document profile = doc.getList("profile", Document.class, List.of()).stream()
                                              .filter(p -> view.accountId().equals(p.getString("accountId")))
                                              .findFirst().orElse(null);
                        UserCompany company = doc.getList("company", Document.class, List.of()).stream()
                                                 .findFirst()
                                                 .map(c -> mongo.getConverter().read(CompanyView.class, c).toCompany())
                                                 .orElse(null);
                        return new UserWithProfile(view, profile, company);
                    });
    }

    private Mono<Map<String, String>> profileNames(Collection<String> profileIds) {
        return mongo.find(query(where("_id").in(profileIds)), Document.class, profiles())
                    .collect(Collectors.toMap(d -> d.getString("_id"), d -> d.getString("name")));
    }
}
