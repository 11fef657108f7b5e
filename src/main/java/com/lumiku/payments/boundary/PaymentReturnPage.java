package com.lumiku.payments.boundary;

import com.lumiku.payments.control.PaymentLinks;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /payment/success}, where the gateway sends the buyer back: the web app itself
 * (index.html), which shows this address as its payment page ({@code js/credits/payment-page.js},
 * entered through {@code entryPaths} in {@code js/routes.js}): the payment's status and the balance
 * as the API reports them to the signed-in buyer ({@code GET /api/payments/{merchantOrderId}},
 * {@code GET /api/credits}), never what the query string claims (Duitku appends {@code resultCode}
 * and the like; only {@code merchantOrderId} is read, to know which payment to ask about). It asks
 * again every two seconds while the payment is pending. Served here rather than linked to {@code
 * /#/...} because the gateway is given one fixed return address.
 */
@WebServlet(name = "PaymentReturnPage", urlPatterns = PaymentLinks.RETURN_PATH)
public class PaymentReturnPage extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    request.getServletContext().getRequestDispatcher("/index.html").forward(request, response);
  }
}
