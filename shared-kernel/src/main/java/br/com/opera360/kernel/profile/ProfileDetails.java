package br.com.opera360.kernel.profile;

import br.com.opera360.kernel.user.UserRef;

import java.util.List;

public record ProfileDetails(String id, String name, List<String> functionalities, boolean builtIn, long userCount,
                             List<UserRef> users) {
}
