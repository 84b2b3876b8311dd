package io.pactwire.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pactwire.model.InvalidFieldException;

/**
 * One article as a JSON line: {@code id}, {@code title} and {@code body}, optional {@code dateline},
 * {@code url} and {@code publishedAt}. Other fields are ignored (skipped unread, not buffered).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JsonLine(String id, String title, String body, String dateline, String url, String publishedAt) {

    JsonLine {
        if (body == null || body.isBlank()) {
            throw new InvalidFieldException("body", "must not be blank");
        }
        if (id != null && id.isBlank()) {
            throw new InvalidFieldException("id", "must not be blank when given");
        }
    }
}
