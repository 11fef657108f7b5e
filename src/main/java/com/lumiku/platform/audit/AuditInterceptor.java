package com.lumiku.platform.audit;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the audit entry of an {@link Audited} action once it succeeded, inside its transaction
 * (this interceptor runs within {@code @Transactional}'s): an action that fails or rolls back
 * leaves no entry, and an entry that cannot be written undoes the action.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

  @Inject AdminAudit audit;
  @Inject CurrentUser currentUser;

  @AroundInvoke
  Object record(InvocationContext invocation) throws Exception {
    Object result = invocation.proceed();
    Map<String, Object> paths = new LinkedHashMap<>();
    Object body = null;
    Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
    Object[] arguments = invocation.getParameters();
    for (int i = 0; i < arguments.length; i++) {
      PathParam path = pathParam(annotations[i]);
      if (path != null) {
        paths.put(path.value(), arguments[i]);
      } else if (arguments[i] != null) {
        body = arguments[i];
      }
    }
    String targetType;
    String targetId;
    if (!paths.isEmpty()) {
      Map.Entry<String, Object> first = paths.entrySet().iterator().next();
      targetType = first.getKey().replaceFirst("Id$", "");
      targetId = String.valueOf(first.getValue());
    } else {
      targetType = "new";
      targetId = createdId(result);
    }
    // The target's own id is not repeated; further path parameters (an app) are details.
    Map<String, Object> details = new LinkedHashMap<>(paths);
    details.remove(targetType + "Id");
    if (body != null) {
      details.put("request", body);
    }
    String action = invocation.getMethod().getAnnotation(Audited.class).value();
    audit.record(
        currentUser.id(),
        action,
        targetType,
        targetId,
        details.isEmpty() ? null : JsonDocuments.toJson(details));
    return result;
  }

  private static PathParam pathParam(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof PathParam path) {
        return path;
      }
    }
    return null;
  }

  /** The id a 201 names in its Location (its last segment), or "-". */
  private static String createdId(Object result) {
    if (result instanceof Response response && response.getLocation() != null) {
      String path = response.getLocation().getPath();
      return path.substring(path.lastIndexOf('/') + 1);
    }
    return "-";
  }
}
