package br.com.opera360.query.profile;

import br.com.opera360.kernel.profile.FindProfiles;
import br.com.opera360.kernel.profile.GetProfile;
import br.com.opera360.kernel.profile.ProfileDetails;
import br.com.opera360.kernel.profile.ProfileSummary;
import br.com.opera360.kernel.user.UserRef;
import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModelGenerations;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Profiles of the caller's account only; user counts come from the users view (same processing group). */
@Component
class ProfileQueryHandler {
    /** The users view (query.user) is in the same processing group; read by collection name, current generation. */
    static String users() {
        return ReadModelGenerations.collection(ProcessingGroups.IDENTITY, "users");
    }

    private final ReactiveMongoTemplate mongo;

    ProfileQueryHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CompletableFuture<List<ProfileSummary>> handle(FindProfiles q) {
        String accountId = q.accountId().value();
        var usersQuery = query(where("accountId").is(accountId));
        usersQuery.fields().include("profileId");
        return mongo.find(usersQuery, Document.class, users())
                    .collect(Collectors.groupingBy(d -> String.valueOf(d.getString("profileId")), Collectors.counting()))
                    .zipWith(mongo.find(query(where("accountId").is(accountId)).with(Sort.by("nameKey", "_id")), ProfileView.class).collectList())
                    .map(t -> t.getT2().stream().map(p -> p.toSummary(t.getT1().getOrDefault(p.id(), 0L))).toList())
                    .toFuture();
    }

    @QueryHandler
    CompletableFuture<ProfileDetails> handle(GetProfile q) {
        String accountId = q.accountId().value();
        return mongo.findOne(query(where("_id").is(q.profileId().value()).and("accountId").is(accountId)), ProfileView.class)
                    .flatMap(profile -> mongo.find(query(where("accountId").is(accountId).and("profileId").is(profile.id()))
                                                           .with(Sort.by("nameKey", "_id")), Document.class, users())
                            .map(d -> new UserRef(d.getString("_id"), d.getString("name")))
                            .collectList()
                            .map(profile::toDetails))
                    .toFuture();
    }

}
