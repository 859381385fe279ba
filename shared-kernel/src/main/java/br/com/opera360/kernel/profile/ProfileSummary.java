package br.com.opera360.kernel.profile;

import java.util.List;

public record ProfileSummary(String id, String name, List<String> functionalities, boolean builtIn, long userCount) {
}
