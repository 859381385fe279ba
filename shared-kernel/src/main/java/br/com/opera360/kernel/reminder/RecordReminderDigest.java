package br.com.opera360.kernel.reminder;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Records one user's digest of a day. The id is the key (account, user, day, kind): recording it again changes
 * nothing, which is what makes the digest go out once.
 */
public record RecordReminderDigest(@TargetAggregateIdentifier String digestId, AccountId accountId, String userId,
                                   String email, String userName, LocalDate day, String kind,
                                   List<ReminderLine> upcoming, List<ReminderLine> overdue) {
    /** The one kind so far: the daily due-date digest ("Faturas a vencer" and "Faturas vencidas" together). */
    public static final String DUE_DATES = "due-dates";

    public RecordReminderDigest {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        upcoming = List.copyOf(upcoming);
        overdue = List.copyOf(overdue);
        if (upcoming.isEmpty() && overdue.isEmpty()) throw new IllegalArgumentException("a digest lists at least one invoice");
        if (!digestId(accountId, userId, day, kind).equals(digestId)) throw new IllegalArgumentException("digestId is not the key");
    }

    public static String digestId(AccountId accountId, String userId, LocalDate day, String kind) {
        return accountId.value() + ":digest:" + userId + ":" + day + ":" + kind;
    }
}
