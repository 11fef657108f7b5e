package com.lumiku.platform.input;

import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body over its limit with 413 before anything parses it: at once when its
 * Content-Length says so, otherwise (a chunked body, or one longer than it said) as soon as the
 * reader gets past the limit, so a large body is never held in memory. The limit is {@code
 * lumiku.requests.max-body-bytes}; multipart uploads may be larger by {@code
 * lumiku.uploads.max-bytes}, the picture's own limit (which the upload checks again, exactly).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RequestLimits implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "lumiku.requests.max-body-bytes")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "lumiku.uploads.max-bytes")
  long maxUploadBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    long limit =
        MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(request.getMediaType())
            ? maxBodyBytes + maxUploadBytes
            : maxBodyBytes;
    if (request.getLength() > limit) {
      request.abortWith(tooLarge(limit).toResponse());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }
  }

  private static Problem tooLarge(long limit) {
    return Problem.of(
        413, "Content Too Large", "The request body is larger than " + limit + " bytes.");
  }

  /** A body that fails with 413 once more than {@code limit} bytes have been read from it. */
  static final class Limited extends FilterInputStream {

    private final long limit;
    private long read;

    Limited(InputStream body, long limit) {
      super(body);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      read += n;
      if (read > limit) {
        throw new ProblemException(tooLarge(limit));
      }
    }
  }
}
