/**
 * The hand-written runtime's shared vocabulary: what it knows of an operation
 * ({@link io.github.realtimekit.client.core.OperationDescriptor}). Nothing here names an operation;
 * each operation's descriptor is generated from the spec. Nothing returns null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package io.github.realtimekit.client.core;

import org.jspecify.annotations.NullMarked;
