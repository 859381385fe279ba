package br.com.opera360.command.account;

/** Tells other features on the command side whether a customer account is registered (from its events, never a read model). */
public interface AccountDirectory {
    boolean isRegistered(String accountId);
}
