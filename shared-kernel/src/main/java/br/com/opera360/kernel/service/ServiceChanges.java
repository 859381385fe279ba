package br.com.opera360.kernel.service;

import java.util.List;

/** Result of {@link ChangeService}: the history types recorded, none when nothing changed. */
public record ServiceChanges(String designation, List<String> changes) {
    public ServiceChanges {
        changes = List.copyOf(changes);
    }
}
