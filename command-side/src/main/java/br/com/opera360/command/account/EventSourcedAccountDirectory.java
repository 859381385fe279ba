package br.com.opera360.command.account;

import br.com.opera360.command.user.AccountFacts;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
        try {
            // aggregate ids share one space in the event store: make sure the stream really is an account's
            return accountId.equals(accounts.load(accountId).invoke(CustomerAccount::accountId));
        } catch (AggregateNotFoundException notFound) {
            return false;
        }
    }

    @Override
    public boolean hasProfile(String accountId, String profileId) {
        try {
            return accounts.load(accountId).invoke(a -> a.hasProfile(profileId));
        } catch (AggregateNotFoundException notFound) {
            return false;
        }
    }

    @Override
    public String administratorOf(String accountId) {
        return accounts.load(accountId).invoke(CustomerAccount::administratorId);
    }
}
