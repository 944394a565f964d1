package org.socialsuite.ingest.webhook;

/** The error body of every refusal: {@code {error, message}}, never a stack trace. */
public record ErrorResponse(String error, String message) {}
