/**
 * The hand-written runtime every call goes through, which names no operation: what it knows of one
 * is its {@link io.github.realtimekit.client.core.OperationDescriptor}, generated from the spec.
 *
 * <ul>
 *   <li>The pipeline's own request and response, {@link io.github.realtimekit.client.core.HttpRequest}
 *       and {@link io.github.realtimekit.client.core.HttpResponse}: a stage never sees an HTTP
 *       library's types.
 *   <li>{@link io.github.realtimekit.client.core.HttpPipeline}: the stages, in order, around one
 *       {@link io.github.realtimekit.client.core.HttpTransport}. Each stage is an
 *       {@link io.github.realtimekit.client.core.HttpStage}: retries (by the operation's
 *       idempotence), error mapping, authentication, logging, and, for downloads, redirects.
 *   <li>{@link io.github.realtimekit.client.core.ErrorMapper}: the one place where a status, an I/O
 *       failure or a body that does not decode becomes an exception.
 *   <li>{@link io.github.realtimekit.client.core.JsonResponses}: a 2xx body decoded, with the
 *       client's mapper ({@code RealtimeKitJson}, public in the client's package).
 *   <li>{@link io.github.realtimekit.client.core.SafeText}: text from the network made safe, and
 *       {@link io.github.realtimekit.client.core.ControlChars}, the one control-character escaper,
 *       which other modules and the generated code use too.
 * </ul>
 *
 * <p>Apart from {@code OperationDescriptor} and {@code ControlChars}, the public classes here are the
 * runtime's SPI, public so that the client's other packages can
 * reach them: not meant for applications, and they may change in any release. Nothing returns null
 * unless marked {@code @Nullable}.
 */
@NullMarked
package io.github.realtimekit.client.core;

import org.jspecify.annotations.NullMarked;
