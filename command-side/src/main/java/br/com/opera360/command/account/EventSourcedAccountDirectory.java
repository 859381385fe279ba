package br.com.opera360.command.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
class EventSourcedAccountDirectory implements AccountDirectory {
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
}
