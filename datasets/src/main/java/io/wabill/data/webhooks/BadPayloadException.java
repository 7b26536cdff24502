package io.wabill.data.webhooks;

/** A payload that cannot be used: the JSON path of the offending field and what was expected. */
public final class BadPayloadException extends Exception {
    private final String field;
    private final String value;

    public BadPayloadException(String field, String value, String reason) {
        super(reason);
        this.field = field;
        this.value = value;
    }

    public String field() { return field; }

    public String value() { return value; }
}
