package br.com.opera360.kernel.profile;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The profile's name and functionalities, as they are now; its users have the new rights on their next request. */
@Revision("1")
public record ProfileChanged(String accountId, String profileId, String name, List<String> functionalities) {
}
