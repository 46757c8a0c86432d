/**
 * The transport: {@link io.github.realtimekit.client.transport.JdkTransport} sends the pipeline's
 * requests with the JDK's {@code HttpClient}, behind the core's
 * {@link io.github.realtimekit.client.core.HttpTransport}. Another transport would sit beside it,
 * behind the same interface. Runtime SPI: not meant for applications.
 */
package io.github.realtimekit.client.transport;
