package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UserCreated(String userId, String accountId, String name, String email, String phone, String cpf,
                          String profileId, boolean administrator) {
}
