package br.com.opera360.query.common;

/**
 * Every event processing group of the application, by name: the names are stored with each group's tracking token
 * and read-model generation, so they never change. Constants rather than an enum because {@code @ProcessingGroup}
 * takes a compile-time string.
 */
public final class ProcessingGroups {
    /** Read models (replayable). */
    public static final String ACCOUNT = "account";
    public static final String AUDIT = "audit";
    /** Users and profiles: one ordered stream, so a user's view never runs ahead of the profile it points to. */
    public static final String IDENTITY = "identity";
    public static final String INVOICE = "invoice";
    public static final String NOTIFICATION = "notification";
    public static final String REMINDER = "reminder";
    public static final String SERVICE = "service";

    /** Side effects ({@code @DisallowReplay}). */
    public static final String EXPORT_PROCESS = "export-process";
    public static final String REMINDER_MAIL = "reminder-mail";
    public static final String SESSION_TERMINATION = "session-termination";

    private ProcessingGroups() {
    }
}
