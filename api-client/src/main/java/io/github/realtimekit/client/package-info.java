/**
 * The client of the RealtimeKit recordings API: {@link io.github.realtimekit.client.RealtimeKitClient}
 * and what its calls take and return. Nothing in this package returns null unless it is marked
 * {@code @Nullable}; a value that may be absent is an {@link java.util.Optional}.
 *
 * <p>Generated from the spec at build time: {@code RealtimeKitClient}, {@code Operations}, each
 * operation's query class and the Feign interface. Written by hand: the builder, {@code Response},
 * {@code Page} and {@code PagedIterable}, the retry listener, the downloader, and, without
 * {@code public}, the glue between the generated Feign interface and the pipeline
 * ({@code ClientRuntime} assembles it). The pipeline itself is in
 * {@link io.github.realtimekit.client.core}, the transport in
 * {@link io.github.realtimekit.client.transport}, the exceptions in
 * {@link io.github.realtimekit.client.errors}.
 */
@NullMarked
package io.github.realtimekit.client;

import org.jspecify.annotations.NullMarked;
