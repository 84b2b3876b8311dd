package io.pactwire.model;

/**
 * A record field failed validation. The serdes turn it into a
 * {@link org.apache.kafka.common.errors.SerializationException} that names the field.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The field's name, as it appears in the JSON. */
    public String field() {
        return field;
    }
}
