/**
 * The hand-written runtime's shared parts, which other modules and the generated code may use too:
 * what it knows of an operation ({@link io.github.realtimekit.client.core.OperationDescriptor}) and
 * the one control-character escaper ({@link io.github.realtimekit.client.core.ControlChars}). They
 * know no operation of the API by name; each operation's descriptor is generated from the spec.
 * Nothing in this package returns null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.github.realtimekit.client.core;

import org.jspecify.annotations.NullMarked;
