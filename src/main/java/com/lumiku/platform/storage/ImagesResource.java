package com.lumiku.platform.storage;

import com.lumiku.platform.LumikuApi;
import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** Serves generated images by their unguessable names; they never change, so caches keep them. */
@Path("images")
@RequestScoped
@PermitAll
public class ImagesResource {

  @Inject ImageStore store;

  @GET
  @Path("{name}")
  public Response image(@PathParam("name") String name) {
    java.io.InputStream image =
        store.open(name).orElseThrow(() -> ProblemException.notFound("Image " + name));
    CacheControl forever = new CacheControl();
    forever.setMaxAge(31_536_000);
    return Response.ok(image, "image/png").cacheControl(forever).build();
  }

  /**
   * The path under which the API serves an image of this name, from the resource's own paths (no
   * request is needed: workers store it in a generation's result).
   */
  public static String url(String name) {
    return UriBuilder.fromPath("/")
        .path(LumikuApi.PATH)
        .path(ImagesResource.class)
        .path(ImagesResource.class, "image")
        .build(name)
        .toString();
  }
}
