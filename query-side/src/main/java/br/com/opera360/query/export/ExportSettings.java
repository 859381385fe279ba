package br.com.opera360.query.export;

import java.time.Duration;

/**
 * {@code opera360.exports.*}: how long a ready file stays downloadable, how many exports are produced at once (more
 * wait in a queue) and how often due deletions and orphaned exports are looked for.
 */
public record ExportSettings(Duration retention, int workers, Duration sweepInterval) {
}
