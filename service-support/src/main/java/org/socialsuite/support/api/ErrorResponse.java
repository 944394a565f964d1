package org.socialsuite.support.api;

/** Every error answer: {@code {error, message}}, never a stack trace. */
public record ErrorResponse(String error, String message) {}
