package com.lumiku.payments.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.payments.control.Payments;
import com.lumiku.payments.entity.PaymentStatus;
import com.lumiku.platform.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentSearchQueryTest {

  @Test
  void noParametersFilterNothing() {
    assertThat(PaymentSearchQuery.parse(null, null, null, null, null))
        .isEqualTo(new Payments.Search(null, null, null, null, null));
    assertThat(PaymentSearchQuery.parse(" ", "", "  ", "", null))
        .isEqualTo(new Payments.Search(null, null, null, null, null));
  }

  @Test
  void everyFilterIsRead() {
    UUID user = UUID.randomUUID();
    Payments.Search search =
        PaymentSearchQuery.parse(
            "Refunded", user.toString(), " buyer@example.com ", "2025-01-01", "2025-01-31");
    assertThat(search)
        .isEqualTo(
            new Payments.Search(
                PaymentStatus.REFUNDED,
                user,
                "buyer@example.com",
                OffsetDateTime.parse("2025-01-01T00:00:00Z"),
                OffsetDateTime.parse("2025-02-01T00:00:00Z")));
    assertThat(
            PaymentSearchQuery.parse(null, null, null, "2025-01-01T08:00:00+07:00", null)
                .createdFrom())
        .isEqualTo(OffsetDateTime.parse("2025-01-01T01:00:00Z"));
  }

  @Test
  void badParametersAreNamedTogether() {
    assertThatThrownBy(
            () -> PaymentSearchQuery.parse("settled", "nobody", "a\u0000b", "yesterday", "soon"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(f -> f.field())
                    .containsExactly("from", "q", "status", "to", "userId"));
    assertThatThrownBy(() -> PaymentSearchQuery.parse(null, null, null, "2025-02-01", "2025-01-01"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().errors()).extracting(f -> f.field()).containsExactly("to"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+999999999-12-31",
        "-999999999-01-01",
        "+300000-01-01T00:00:00Z",
        "+10000-01-01",
        "0000-12-31",
        "-0001-01-01T00:00:00Z",
        // A + in an offset sent unencoded arrives as a space.
        "2025-01-31T08:00:00 07:00"
      })
  void datesOutsideTheYearsOneToNineThousandNineHundredNinetyNineAreNamed(String bound) {
    for (boolean isTo : new boolean[] {false, true}) {
      String field = isTo ? "to" : "from";
      assertThatThrownBy(
              () ->
                  PaymentSearchQuery.parse(
                      null, null, null, isTo ? null : bound, isTo ? bound : null))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problem().status()).isEqualTo(400);
                assertThat(e.problem().errors()).extracting(f -> f.field()).containsExactly(field);
              });
    }
  }

  @Test
  void theFirstAndLastYearsAreAccepted() {
    Payments.Search widest = PaymentSearchQuery.parse(null, null, null, "0001-01-01", "9999-12-31");
    assertThat(widest.createdFrom()).isEqualTo(OffsetDateTime.parse("0001-01-01T00:00:00Z"));
    assertThat(widest.createdBefore()).isEqualTo(OffsetDateTime.parse("+10000-01-01T00:00:00Z"));
    assertThat(
            PaymentSearchQuery.parse(null, null, null, null, "9999-12-31T23:59:59+14:00")
                .createdBefore())
        .isEqualTo(OffsetDateTime.parse("9999-12-31T23:59:59+14:00"));
  }
}
