package br.com.opera360.command.account;

import br.com.opera360.command.common.Aggregates;
import br.com.opera360.command.user.AccountFacts;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
class EventSourcedAccountDirectory implements AccountDirectory, AccountFacts {
    private final Repository<CustomerAccount> accounts;

    EventSourcedAccountDirectory(Repository<CustomerAccount> accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean isRegistered(String accountId) {
        // aggregate ids share one space in the event store: make sure the stream really is an account's
        return Aggregates.find(accounts, accountId).filter(a -> accountId.equals(a.invoke(CustomerAccount::accountId))).isPresent();
    }

    @Override
    public boolean hasProfile(String accountId, String profileId) {
        return Aggregates.find(accounts, accountId).filter(a -> a.invoke(account -> account.hasProfile(profileId))).isPresent();
    }

    @Override
    public String administratorOf(String accountId) {
        return accounts.load(accountId).invoke(CustomerAccount::administratorId);
    }
}
