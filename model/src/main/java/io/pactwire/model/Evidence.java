package io.pactwire.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.regex.Pattern;

/**
 * Why a tag was given: a span of the article's text and the rule that matched it.
 *
 * @param field which text the offsets refer to
 * @param start offset of the first char, inclusive
 * @param end   offset after the last char, exclusive
 * @param text  the text of the span, as it stands in the article
 * @param match how it matched: for a country {@code name}, {@code demonym}, {@code city},
 *              {@code institution}, {@code historical}, {@code division}, {@code qualifier} or {@code dateline};
 *              for an agreement the rule's id
 * @param division for a place, its ISO 3166-2 first-level division when known ({@code US-GA}, {@code CA-ON}),
 *                 else null (left out of the JSON; records written before it existed read as null)
 */
public record Evidence(TextField field, int start, int end, String text, String match, String division) {
    /** An ISO 3166-2 first-level division code; compiled once, not per evidence read or made. */
    private static final Pattern DIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /** Evidence without a division: an agreement's, or a country's named as such. */
    public Evidence(TextField field, int start, int end, String text, String match) {
        this(field, start, end, text, match, null);
    }

    @JsonCreator
    public Evidence(@JsonProperty("field") TextField field, @JsonProperty("start") int start, @JsonProperty("end") int end,
                    @JsonProperty("text") String text, @JsonProperty("match") String match,
                    @JsonProperty("division") String division) {
        Fields.requireNonNull("field", field);
        if (start < 0 || end < start) {
            throw new InvalidFieldException("start", "span [" + start + ", " + end + ") is not a valid range");
        }
        text = Fields.requireNonNull("text", text);
        match = Fields.requireNonBlank("match", match);
        if (division != null && !DIVISION.matcher(division).matches()) {
            throw new InvalidFieldException("division", "'" + division + "' is not an ISO 3166-2 code");
        }
        this.field = field;
        this.start = start;
        this.end = end;
        this.text = text;
        this.match = match;
        this.division = division;
    }
}
