package com.lumiku.payments.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Duitku's merchant API (JSON over HTTPS): the v2 inquiry, which creates a payment and answers its
 * {@code reference} and {@code paymentUrl}, and the transaction status. Built by {@link
 * DuitkuGateway} with MicroProfile Rest Client's builder from Lumiku's own settings, as the Hugging
 * Face client is; answers are read as text, since Duitku's refusals are not always JSON.
 */
@Path("/webapi/api/merchant")
public interface DuitkuClient {

  @POST
  @Path("v2/inquiry")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
  Response inquiry(JsonObject request);

  @POST
  @Path("transactionStatus")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
  Response transactionStatus(JsonObject request);
}
