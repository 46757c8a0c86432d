package io.github.realtimekit.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what the client logs on {@link HttpLogLevel#LOGGER_NAME} at FINE while it is open. */
public final class CapturedHttpLog extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger(HttpLogLevel.LOGGER_NAME);
  public final List<String> lines = new CopyOnWriteArrayList<>();

  public CapturedHttpLog() {
    logger.addHandler(this);
    logger.setLevel(Level.FINE);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(null);
  }
}
