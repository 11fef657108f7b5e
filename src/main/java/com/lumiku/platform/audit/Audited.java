package com.lumiku.platform.audit;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An operator's action that goes into the admin audit ({@link AdminAudit}): put it, with
 * {@code @Transactional}, on the resource method, so the entry is written in the action's own
 * transaction. The target is the method's first path parameter (or what a 201's Location names);
 * the details are its request body.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Audited {

  /** What was done, e.g. {@code credits.grant}. */
  @Nonbinding
  String value();
}
