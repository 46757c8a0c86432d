package io.github.realtimekit.client;

import feign.Logger;

/**
 * How much of each HTTP exchange the client logs, through {@code java.util.logging} at level
 * {@code FINE} on the logger {@value RedactingLogger#NAME}. The {@code Authorization} header is
 * always redacted. Bodies are never logged: a recording carries its storage credentials.
 */
public enum HttpLogLevel {
  /** Nothing (the default). */
  NONE(Logger.Level.NONE),
  /** The request line, the response status and the time it took. */
  BASIC(Logger.Level.BASIC),
  /** As BASIC, with the request and response headers. */
  HEADERS(Logger.Level.HEADERS);

  final Logger.Level feignLevel;

  HttpLogLevel(Logger.Level feignLevel) {
    this.feignLevel = feignLevel;
  }
}
