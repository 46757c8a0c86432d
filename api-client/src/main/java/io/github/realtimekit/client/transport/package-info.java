/**
 * The transports behind the core's {@link io.github.realtimekit.client.core.HttpTransport}:
 * {@link io.github.realtimekit.client.transport.Http1Transport}, the default, speaks HTTP/1.1 on the
 * calling thread; {@link io.github.realtimekit.client.transport.JdkTransport} sends with the JDK's
 * {@code HttpClient}, for a caller's own client or a proxy. Runtime SPI: not meant for applications.
 */
package io.github.realtimekit.client.transport;
