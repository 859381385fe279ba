package br.com.opera360.kernel.account;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record ProfileCreated(String accountId, String profileId, String name, List<String> functionalities,
                             boolean builtIn) {
}
