/**
 * The recordings API's payloads, generated from the spec: immutable classes with builders, and
 * forward-compatible enumeration classes.
 *
 * <p>Null-marked: a type is non-null unless it carries {@link org.jspecify.annotations.Nullable
 * &#64;Nullable}, which marks exactly the properties the spec makes optional or nullable. Decoding a
 * response, or building a model by hand, fails when a property the spec makes required and not
 * nullable is missing or null, with a message that names it, such as {@code Recording.status is
 * required}. Enumeration values and JSON properties newer than the spec are kept, not refused.
 */
@NullMarked
package io.github.realtimekit.model;

import org.jspecify.annotations.NullMarked;
