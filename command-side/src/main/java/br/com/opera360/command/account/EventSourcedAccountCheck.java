package br.com.opera360.command.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
class EventSourcedAccountCheck implements AccountCheck {
    private final Repository<CustomerAccount> accounts;

    EventSourcedAccountCheck(Repository<CustomerAccount> accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean exists(String accountId) {
        try {
            accounts.load(accountId);
            return true;
        } catch (AggregateNotFoundException notFound) {
            return false;
        }
    }
}
