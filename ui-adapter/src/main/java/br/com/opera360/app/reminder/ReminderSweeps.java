package br.com.opera360.app.reminder;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The last day whose digests were all recorded, in MongoDB (collection {@value #COLLECTION}), shared by every instance. */
@Component
class ReminderSweeps {
    static final String COLLECTION = "reminder_sweeps";
    private static final String ID = "due-dates";
    private final MongoTemplate mongo;

    ReminderSweeps(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean done(LocalDate day) {
        Document last = mongo.findById(ID, Document.class, COLLECTION);
        return last != null && LocalDate.parse(last.getString("day")).equals(day);
    }

    void markDone(LocalDate day) {
        mongo.upsert(query(where("_id").is(ID)), new Update().set("day", day.toString()), COLLECTION);
    }
}
