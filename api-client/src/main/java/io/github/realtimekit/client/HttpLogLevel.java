package io.github.realtimekit.client;

/**
 * How much of each HTTP exchange the client logs, through {@code java.util.logging} at level
 * {@code FINE} on the logger {@value #LOGGER_NAME}, one entry for each attempt. Credentials
 * ({@code Authorization}, {@code Cookie}, {@code Set-Cookie}, any header carrying the token) are
 * written as {@code ***}, and what the server sent is cleaned of the token and of control characters.
 * Bodies are never logged: a recording carries its storage credentials.
 */
public enum HttpLogLevel {
  /** Nothing (the default). */
  NONE,
  /** The request line, the response status, the time it took and the body's size. */
  BASIC,
  /** As BASIC, with the request and response headers. */
  HEADERS;

  /** The name of the {@code java.util.logging} logger the HTTP log goes to. */
  public static final String LOGGER_NAME = io.github.realtimekit.client.core.HttpPipeline.LOGGER_NAME;
}
