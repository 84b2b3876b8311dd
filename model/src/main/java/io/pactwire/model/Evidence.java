package io.pactwire.model;

/**
 * Why a tag was given: a span of the article's text and the rule that matched it.
 *
 * @param field which text the offsets refer to
 * @param start offset of the first char, inclusive
 * @param end   offset after the last char, exclusive
 * @param text  the text of the span, as it stands in the article
 * @param match how it matched: for a country {@code name}, {@code demonym}, {@code city},
 *              {@code institution}, {@code historical} or {@code dateline}; for an agreement the rule's id
 */
public record Evidence(TextField field, int start, int end, String text, String match) {

    public Evidence {
        Fields.requireNonNull("field", field);
        if (start < 0 || end < start) {
            throw new InvalidFieldException("start", "span [" + start + ", " + end + ") is not a valid range");
        }
        text = Fields.requireNonNull("text", text);
        match = Fields.requireNonBlank("match", match);
    }
}
