package com.lumiku.platform.problem;

import com.lumiku.platform.JsonDocuments;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders errors that the container produces before JAX-RS sees the request, such as the 401 of the
 * MP-JWT mechanism for an invalid or expired token, as problem documents instead of the server's
 * HTML error page (see the error pages in web.xml).
 */
@WebServlet(name = "ContainerErrorPage", urlPatterns = "/error")
public class ContainerErrorPage extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : response.getStatus();
    Problem problem =
        switch (status) {
          case 401 ->
              Problem.of(
                  401, "Unauthorized", "A valid Bearer token is required; it may have expired.");
          case 403 -> Problem.of(403, "Forbidden", "You are not allowed to do this.");
          case 404 -> Problem.of(404, "Not Found", "There is nothing at this address.");
          case 400 -> Problem.of(400, "Bad Request", "The request could not be read.");
          case 413 -> Problem.of(413, "Content Too Large", "The request body is too large.");
          case 415 ->
              Problem.of(
                  415, "Unsupported Media Type", "This address does not accept that content type.");
          case 405 ->
              Problem.of(405, "Method Not Allowed", "This address does not accept that method.");
          default ->
              Problem.of(
                  status, status >= 500 ? "Internal Server Error" : "Error", "The request failed.");
        };
    write(response, problem);
  }

  /** Answers with the problem document, for servlet code outside JAX-RS (filters). */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JsonDocuments.toJson(problem));
  }
}
