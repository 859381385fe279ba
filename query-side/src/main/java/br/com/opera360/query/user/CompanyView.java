package br.com.opera360.query.user;

import br.com.opera360.kernel.user.UserCompany;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The identity group's copy of a registered company (id = the account id), joined to the user on every request so
 * that {@code /api/me} needs no second read. Registrations never change, so the copy never goes stale.
 */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('identity', 'companies')}")
record CompanyView(@Id String id, String name, String cnpj) {
    static final String COLLECTION = "companies";

    UserCompany toCompany() {
        return new UserCompany(name, cnpj);
    }
}
