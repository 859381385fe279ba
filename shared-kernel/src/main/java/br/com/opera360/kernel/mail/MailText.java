package br.com.opera360.kernel.mail;

import java.util.Locale;

/**
 * The texts the portal e-mails, in pt-BR. Each is the template {@code mail/<name>.mustache} (its first line the subject,
 * then a blank line, then the body) that the application's one mail component renders with the {@link Mail}'s values.
 */
public enum MailText {
    /** values: {@code token} */
    LOGIN_TOKEN,
    /** values: {@code name}, {@code login}, {@code password} */
    USER_CREATED,
    /** values: {@code name}, {@code company}, {@code cnpj}, {@code login}, {@code password} */
    ACCOUNT_REGISTERED,
    /** to the Administrator who asked; values: {@code name}, {@code login}, {@code password} */
    PASSWORD_RESET,
    /** to the account's Administrator, for a user who asked; values: {@code name}, {@code login}, {@code password} */
    PASSWORD_RESET_FOR_USER,
    /** values: {@code name}, {@code upcoming} and {@code overdue} (lines), {@code hasUpcoming}, {@code hasOverdue} */
    REMINDER_DIGEST;

    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
