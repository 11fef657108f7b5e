package com.lumiku.platform.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of a request body that may have several lines (a prompt, a description,
 * notes): {@link StrictJson} lets line breaks and tabs through there. Every other text field is one
 * line, and no text field accepts any other control character.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface MultiLine {}
