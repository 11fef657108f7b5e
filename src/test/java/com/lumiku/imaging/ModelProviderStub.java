package com.lumiku.imaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A stand-in for the Hugging Face Inference API on 127.0.0.1, for the tests: it answers {@code POST
 * /models/test-org/test-model} the way the real service does, as the prompt asks: {@code ok} draws
 * a PNG, {@code jpeg} a JPEG, {@code loading-once} first says the model is loading (503 with {@code
 * estimated_time}), {@code slow-once} first takes longer than the client waits, {@code
 * rate-limited} always answers 429, {@code unauthorized} 401 and {@code refused} 400. Every request
 * is recorded.
 */
public final class ModelProviderStub implements AutoCloseable {

  public static final String MODEL = "test-org/test-model";

  /** A request as the stub received it. */
  public record Received(String path, String authorization, String contentType, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> callsPerPrompt = new ConcurrentHashMap<>();

  public ModelProviderStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/models/" + MODEL, this::answer);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** How often the prompt was asked for. */
  public int calls(String prompt) {
    AtomicInteger calls = callsPerPrompt.get(prompt);
    return calls == null ? 0 : calls.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body));
    String prompt =
        jakarta.json.Json.createReader(new java.io.StringReader(body))
            .readObject()
            .getString("inputs");
    int call = callsPerPrompt.computeIfAbsent(prompt, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      if (prompt.contains("loading-once") && call == 1) {
        json(
            exchange,
            503,
            "{\"error\":\"Model " + MODEL + " is currently loading\",\"estimated_time\":1.5}");
      } else if (prompt.contains("slow-once") && call == 1) {
        sleep(5000);
        image(exchange, "png");
      } else if (prompt.contains("rate-limited")) {
        json(exchange, 429, "{\"error\":\"Rate limit reached\"}");
      } else if (prompt.contains("unauthorized")) {
        json(exchange, 401, "{\"error\":\"Invalid credentials in Authorization header\"}");
      } else if (prompt.contains("refused")) {
        json(exchange, 400, "{\"error\":\"Input refused by the safety checker\"}");
      } else {
        image(exchange, prompt.contains("jpeg") ? "jpeg" : "png");
      }
    }
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void image(HttpExchange exchange, String format) throws IOException {
    BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(picture, format, bytes);
    exchange.getResponseHeaders().add("Content-Type", "image/" + format);
    exchange.sendResponseHeaders(200, bytes.size());
    exchange.getResponseBody().write(bytes.toByteArray());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }
}
