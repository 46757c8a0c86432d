/**
 * The client's hand-kept helpers that other modules may use too. They know no operation of the API
 * by name. Nothing in this package returns null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.github.realtimekit.client.core;

import org.jspecify.annotations.NullMarked;
