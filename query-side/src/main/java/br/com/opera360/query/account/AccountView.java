package br.com.opera360.query.account;

import br.com.opera360.kernel.account.AccountDetails;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;

/** One customer account, fed by the account's and its Administrator's events (one version per source). */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('account', 'accounts')}")
record AccountView(@Id String id, String cnpj, String companyName, String administratorId,
                   String administratorName, String administratorEmail, Instant registeredAt,
                   Map<String, Long> versions) {

    AccountDetails toDetails() {
        return new AccountDetails(id, cnpj, companyName, administratorId, administratorName, administratorEmail,
                registeredAt);
    }
}
