package br.com.opera360.command.account;

/** Whether a customer account exists, asked of the event store (never of a read model, which may lag). */
public interface AccountCheck {
    boolean exists(String accountId);
}
