package io.github.realtimekit.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the getter of a property that the spec declares {@code writeOnly} or {@code x-sensitive}: a
 * secret, such as a storage password. The model's {@code toString()} prints such a value as
 * {@code ***}; a program that prints or logs models should mask it as well (the command-line tool's
 * JSON output does). The getter itself returns the value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sensitive {
}
