package com.lumiku.payments.boundary;

import com.lumiku.payments.control.Payments;
import com.lumiku.payments.entity.PaymentStatus;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The filters of admins' payment listing, as query parameters: {@code status}, {@code userId},
 * {@code q} (an order id or gateway reference, or part of the buyer's email), {@code from} and
 * {@code to} (creation time: an ISO date-time with offset, or a date, meaning that UTC day: {@code
 * from} its start, {@code to} its end; years 1 to 9999).
 */
final class PaymentSearchQuery {

  private PaymentSearchQuery() {}

  /**
   * @throws ProblemException 400 naming each parameter that is not what it should be
   */
  static Payments.Search parse(String status, String userId, String q, String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    PaymentStatus wanted = FieldRules.choice(PaymentStatus.class, "status", status, errors);
    UUID user = null;
    if (userId != null && !userId.isBlank()) {
      try {
        user = UUID.fromString(userId.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("userId", "must be a user id (a UUID)."));
      }
    }
    String text = FieldRules.optional("q", q, 254, FieldRules.Lines.ONE, errors);
    OffsetDateTime start = time("from", from, false, errors);
    OffsetDateTime end = time("to", to, true, errors);
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldError("to", "must be after from."));
    }
    FieldRules.refuseIfAny(errors);
    return new Payments.Search(
        wanted, user, text == null || text.isEmpty() ? null : text, start, end);
  }

  /**
   * A bound of the creation time: a date-time, or a date's start ({@code end}: the next day's), in
   * the years 1 to 9999 (the database's timestamps cannot hold every year Java parses).
   */
  private static OffsetDateTime time(
      String field, String value, boolean end, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      OffsetDateTime time = parseTime(text);
      if (time == null) {
        LocalDate day = LocalDate.parse(text);
        if (inYears(day)) {
          return (end ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
      } else if (inYears(time.toLocalDate())) {
        return time;
      }
    } catch (DateTimeException notADate) {
      // The message below says what is expected.
    }
    errors.add(
        new FieldError(
            field,
            "must be a date (2025-01-31, a UTC day) or a date-time (2025-01-31T08:00:00Z; a + in"
                + " its offset sent as %2B) in the years 1 to 9999."));
    return null;
  }

  /** The text as a date-time with offset, or null if it is not one. */
  private static OffsetDateTime parseTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notATime) {
      return null;
    }
  }

  private static boolean inYears(LocalDate day) {
    return day.getYear() >= 1 && day.getYear() <= 9999;
  }
}
