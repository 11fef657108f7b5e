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
    write(response, Problem.ofStatus(status));
  }

  /** Answers with the problem document, for servlet code outside JAX-RS (filters). */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JsonDocuments.toJson(problem));
  }
}
