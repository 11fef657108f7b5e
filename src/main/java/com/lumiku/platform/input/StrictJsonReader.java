package com.lumiku.platform.input;

import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads every JSON request body of the API through {@link StrictJson} instead of JSON-B's lenient
 * conversions. Its priority puts it ahead of the server's JSON-B reader for the application's own
 * types; the body arrives already limited in size ({@link RequestLimits}). Bytes that are not UTF-8
 * are refused rather than replaced.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
// Ahead of the server's JSON-B reader, which takes the same types and media types: without a
// priority, which of the two Jersey picks differed from one start to the next.
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonReader implements MessageBodyReader<Object> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.getName().startsWith("com.lumiku.") && StrictJson.supported(genericType);
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
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
