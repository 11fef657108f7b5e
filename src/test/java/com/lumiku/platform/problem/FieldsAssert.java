package com.lumiku.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The fields a 400 names, for tests of request bodies' rules. */
public final class FieldsAssert {

  private FieldsAssert() {}

  /**
   * The fields the check refused, each once, in the answer's order (sorted).
   *
   * @throws AssertionError if the check passed or failed otherwise than with a 400
   */
  public static List<String> refusedFields(Runnable check) {
    try {
      check.run();
    } catch (ProblemException e) {
      assertThat(e.problem().status()).isEqualTo(400);
      return e.problem().errors().stream().map(Problem.FieldError::field).distinct().toList();
    }
    throw new AssertionError("the body was accepted");
  }
}
