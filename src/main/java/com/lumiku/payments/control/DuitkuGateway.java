package com.lumiku.payments.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Duitku (lumiku.payments.gateway=duitku) through {@link DuitkuClient}. Settings: {@code
 * lumiku.payments.duitku.merchant-code} and {@code .api-key} (required, never logged), {@code
 * .base-url} (the sandbox by default), {@code .connect-timeout}, {@code .read-timeout}.
 */
@ApplicationScoped
public class DuitkuGateway implements PaymentGateway {

  @Inject
  @ConfigProperty(name = "lumiku.payments.duitku.merchant-code")
  Optional<String> merchantCode;

  @Inject
  @ConfigProperty(name = "lumiku.payments.duitku.api-key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "lumiku.payments.duitku.base-url")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "lumiku.payments.duitku.connect-timeout")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "lumiku.payments.duitku.read-timeout")
  Duration readTimeout;

  private DuitkuClient client;

  @PostConstruct
  void connect() {
    client =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(baseUrl.replaceAll("/+$", "")))
            .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(DuitkuClient.class);
  }

  /** Whether both credentials are set, which the Duitku gateway needs to start. */
  public boolean isConfigured() {
    return merchantCode.filter(c -> !c.isBlank()).isPresent()
        && apiKey.filter(k -> !k.isBlank()).isPresent();
  }

  @Override
  public MerchantCredentials merchant() {
    if (!isConfigured()) {
      throw new IllegalStateException(
          "lumiku.payments.gateway=duitku needs lumiku.payments.duitku.merchant-code and"
              + " lumiku.payments.duitku.api-key");
    }
    return new MerchantCredentials(merchantCode.get().strip(), apiKey.get().strip());
  }

  @Override
  public CheckoutAnswer checkout(CheckoutRequest request) {
    JsonObject body = DuitkuProtocol.inquiry(merchant(), request);
    return call(
        () -> client.inquiry(body), (status, text) -> DuitkuProtocol.checkoutAnswer(status, text));
  }

  @Override
  public GatewayStatus status(String merchantOrderId) {
    JsonObject body = DuitkuProtocol.statusRequest(merchant(), merchantOrderId);
    return call(
        () -> client.transactionStatus(body),
        (status, text) -> DuitkuProtocol.statusAnswer(status, text));
  }

  private interface Reading<T> {
    T read(int status, String body);
  }

  private static <T> T call(Supplier<Response> request, Reading<T> reading) {
    try (Response response = request.get()) {
      String text = response.hasEntity() ? response.readEntity(String.class) : null;
      return reading.read(response.getStatus(), text);
    } catch (ProcessingException e) {
      throw new GatewayFailure("Duitku could not be reached: " + e.getMessage(), e);
    }
  }
}
