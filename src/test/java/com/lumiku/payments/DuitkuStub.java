package com.lumiku.payments;

import com.lumiku.payments.control.DuitkuSignatures;
import com.lumiku.payments.control.MerchantCredentials;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for Duitku's merchant API on 127.0.0.1, for the tests: {@code POST
 * /webapi/api/merchant/v2/inquiry} checks the signature as Duitku does (400 {@code {"Message":
 * "Wrong signature"}} otherwise), refuses payment method {@code ZZ} as a method the merchant has
 * not enabled, and answers a reference and payment URL; {@code POST
 * /webapi/api/merchant/transactionStatus} answers the status a test set ({@link #settle}), "01"
 * until then. Every request body is recorded.
 */
public final class DuitkuStub implements AutoCloseable {

  private final HttpServer server;
  private final MerchantCredentials merchant;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final Map<String, String> statuses = new ConcurrentHashMap<>();
  private final Map<String, Long> amounts = new ConcurrentHashMap<>();

  public DuitkuStub(MerchantCredentials merchant) throws IOException {
    this.merchant = merchant;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/webapi/api/merchant/v2/inquiry", this::inquiry);
    server.createContext("/webapi/api/merchant/transactionStatus", this::status);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<JsonObject> received() {
    return List.copyOf(received);
  }

  /** What the status API answers for the order from now on ("00" paid, "02" canceled). */
  public void settle(String merchantOrderId, String statusCode) {
    statuses.put(merchantOrderId, statusCode);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void inquiry(HttpExchange exchange) throws IOException {
    JsonObject request = read(exchange);
    String order = request.getString("merchantOrderId", "");
    long amount = request.getJsonNumber("paymentAmount").longValue();
    try (exchange) {
      if (!DuitkuSignatures.inquiry(merchant, order, amount)
          .equals(request.getString("signature", ""))) {
        answer(exchange, 400, "{\"Message\":\"Wrong signature\"}");
      } else if ("ZZ".equals(request.getString("paymentMethod", ""))) {
        answer(exchange, 400, "{\"Message\":\"Payment channel not available\"}");
      } else {
        amounts.put(order, amount);
        answer(
            exchange,
            200,
            Json.createObjectBuilder()
                .add("merchantCode", merchant.merchantCode())
                .add("reference", merchant.merchantCode() + "REF" + order)
                .add("paymentUrl", baseUrl() + "/redirect/" + order)
                .add("vaNumber", "7007014001234567")
                .add("amount", Long.toString(amount))
                .add("statusCode", "00")
                .add("statusMessage", "SUCCESS")
                .build()
                .toString());
      }
    }
  }

  private void status(HttpExchange exchange) throws IOException {
    JsonObject request = read(exchange);
    String order = request.getString("merchantOrderId", "");
    try (exchange) {
      if (!DuitkuSignatures.status(merchant, order).equals(request.getString("signature", ""))) {
        answer(exchange, 400, "{\"Message\":\"Wrong signature\"}");
        return;
      }
      answer(
          exchange,
          200,
          Json.createObjectBuilder()
              .add("merchantOrderId", order)
              .add("reference", merchant.merchantCode() + "REF" + order)
              .add("amount", Long.toString(amounts.getOrDefault(order, 0L)))
              .add("fee", "0.00")
              .add("statusCode", statuses.getOrDefault(order, "01"))
              .add("statusMessage", "stub")
              .build()
              .toString());
    }
  }

  private JsonObject read(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonObject json = Json.createReader(new StringReader(body)).readObject();
    received.add(json);
    return json;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
