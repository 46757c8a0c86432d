/**
 * The client of the RealtimeKit recordings API: {@link io.github.realtimekit.client.RealtimeKitClient}
 * and what its calls take and return. Nothing in this package returns null unless it is marked
 * {@code @Nullable}; a value that may be absent is an {@link java.util.Optional}.
 *
 * <p>The classes without {@code public} are the pipeline behind the client: read
 * {@code RealtimeKitClient}'s constructor to see it assembled.
 */
@NullMarked
package io.github.realtimekit.client;

import org.jspecify.annotations.NullMarked;
