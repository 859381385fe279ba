package br.com.opera360.web.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What one ingestion answers: the HTTP status and body of the single call, and whether anything was recorded
 * ({@code false}: an identical re-send, or a change that changes nothing, both answered 200).
 */
public record IngestionAnswer(HttpStatus status, Object body, boolean recorded) {

    /** 201 when created, 200 for an identical re-send. */
    public static IngestionAnswer of(boolean created, Object body) {
        return new IngestionAnswer(created ? HttpStatus.CREATED : HttpStatus.OK, body, created);
    }

    public ResponseEntity<Object> toResponse() {
        return ResponseEntity.status(status).body(body);
    }
}
