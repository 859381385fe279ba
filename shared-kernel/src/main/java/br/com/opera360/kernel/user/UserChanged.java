package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** The user's data or profile changed (whole new state of the editable fields). */
@Revision("1")
public record UserChanged(String userId, String accountId, String name, String phone, String cpf, String profileId, String by) {
}
