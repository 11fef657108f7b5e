package com.lumiku.platform.input;

import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads every JSON request body of the API through {@link StrictJson} instead of JSON-B's lenient
 * conversions. It intercepts the reading rather than being a reader itself: as a second reader of
 * the same types and media types as the server's JSON-B one, which of the two Jersey picked
 * differed from one start to the next, while an interceptor runs whichever is picked. The body
 * arrives already limited in size ({@link RequestLimits}). Bytes that are not UTF-8 are refused
 * rather than replaced.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonReader implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (isJson(context.getMediaType()) && readable(context.getType(), context.getGenericType())) {
      return read(context.getInputStream(), context.getGenericType());
    }
    return context.proceed();
  }

  /**
   * Whether a body of this type is read here: the application's own types that StrictJson knows.
   */
  public static boolean readable(Class<?> type, Type genericType) {
    return type.getName().startsWith("com.lumiku.") && StrictJson.supported(genericType);
  }

  private static boolean isJson(MediaType mediaType) {
    return mediaType != null
        && mediaType.getType().equalsIgnoreCase("application")
        && (mediaType.getSubtype().equalsIgnoreCase("json")
            || mediaType.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  private static Object read(InputStream entityStream, Type genericType) throws IOException {
    byte[] body = entityStream.readAllBytes();
    if (body.length == 0) {
      throw ProblemException.badRequest("The request body is missing.");
    }
    String json;
    try {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      throw ProblemException.badRequest("The request body is not UTF-8 text.");
    }
    return StrictJson.read(json, genericType);
  }
}
