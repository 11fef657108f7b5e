package com.lumiku.payments.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /payment/success}, where the gateway sends the buyer back: a page that shows the payment's
 * status and the balance as the API reports them to the signed-in buyer ({@code GET
 * /api/payments/{merchantOrderId}}, {@code GET /api/credits}), never what the query string claims
 * (Duitku appends {@code resultCode} and the like; only {@code merchantOrderId} is read, to know
 * which payment to ask about). It asks again every two seconds while the payment is pending.
 */
@WebServlet(name = "PaymentReturnPage", urlPatterns = "/payment/success")
public class PaymentReturnPage extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Lumiku: payment</title>
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <link rel="stylesheet" href="/app.css"></head>
      <body><main><h1>Your payment</h1><p id="status">Looking up your payment...</p>
      <p id="balance"></p><p><a href="/">Back to Lumiku</a></p></main>
      <script>
      const order = new URLSearchParams(location.search).get('merchantOrderId');
      const token = localStorage.getItem('lumiku.token');
      const say = (id, text) => { document.getElementById(id).textContent = text; };
      async function get(path) {
        const r = await fetch(path, { headers: { Authorization: 'Bearer ' + token } });
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }
      async function show() {
        if (!order) { say('status', 'No payment named.'); return; }
        if (!token) { say('status', 'Sign in to see your payment.'); return; }
        try {
          const p = await get('/api/payments/' + encodeURIComponent(order));
          const words = { pending: 'is waiting for the payment', paid: 'is paid', failed: 'failed',
                          expired: 'expired', refunded: 'was refunded' };
          const what = p.plan ? p.plan.days + ' days of ' + p.plan.app
              : (p.credits + p.bonusCredits) + ' credits';
          say('status', 'Order ' + p.merchantOrderId + ' (' + what
              + ', IDR ' + p.amount.toLocaleString() + ') ' + (words[p.status] || p.status) + '.');
          const c = await get('/api/credits');
          say('balance', 'Your balance: ' + c.balance + ' credits.');
          if (p.status === 'pending') setTimeout(show, 2000);
        } catch (e) {
          say('status', 'This payment could not be found for your account.');
        }
      }
      show();
      </script></body></html>
      """;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(PAGE);
  }
}
