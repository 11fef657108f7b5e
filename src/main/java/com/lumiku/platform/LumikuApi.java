package com.lumiku.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The HTTP API under {@code /api}. Callers authenticate with a Bearer token (MicroProfile JWT)
 * issued at login; routes that need a user say so with {@code @RolesAllowed}.
 *
 * <p>The class is a CDI bean because Payara installs the MP-JWT mechanism only when the
 * {@code @LoginConfig} sits on one.
 */
@ApplicationScoped
@ApplicationPath(LumikuApi.PATH)
@LoginConfig(authMethod = "MP-JWT", realmName = "lumiku")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class LumikuApi extends Application {

  /** Where the API lives, under the application's context root. */
  public static final String PATH = "api";

  /**
   * No {@code application.wadl}: the route map is for operators ({@code /openapi}, admins only).
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
