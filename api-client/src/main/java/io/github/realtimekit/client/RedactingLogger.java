package io.github.realtimekit.client;

import feign.Logger;

/** Feign's java.util.logging logger, with credentials replaced by {@code ***}. */
final class RedactingLogger extends Logger.JavaLogger {

  /** The java.util.logging logger the HTTP log goes to. */
  static final String NAME = "io.github.realtimekit.client.http";

  RedactingLogger() {
    super(NAME);
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (args.length == 2 && "%s: %s".equals(format) && isCredential(String.valueOf(args[0]))) {
      super.log(configKey, format, args[0], "***");
    } else {
      super.log(configKey, format, args);
    }
  }

  private static boolean isCredential(String header) {
    return header.equalsIgnoreCase("Authorization") || header.equalsIgnoreCase("Proxy-Authorization");
  }
}
