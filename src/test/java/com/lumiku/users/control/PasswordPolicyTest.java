package com.lumiku.users.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy(10);

  @Test
  void refusesShortPasswordsNamingTheMinimum() {
    assertThat(policy.violation("12345678")).hasValue("must be at least 10 characters long");
    assertThat(policy.violation("password1")).hasValue("must be at least 10 characters long");
    // Code points, not UTF-16 units: five emoji are five characters.
    assertThat(policy.violation("😀😀😀😀😀")).hasValue("must be at least 10 characters long");
  }

  @Test
  void refusesCommonPasswordsWhateverTheirCase() {
    for (String common : new String[] {"qwertyuiop", "QwertyUiop", "1234567890", "Password123"}) {
      assertThat(policy.violation(common)).as(common).get().asString().contains("commonly used");
    }
    assertThat(new PasswordPolicy(8).violation("12345678")).get().asString().contains("common");
    assertThat(new PasswordPolicy(8).violation("password1")).get().asString().contains("common");
  }

  @Test
  void acceptsLongUncommonPasswords() {
    assertThat(policy.violation("correct horse")).isEmpty();
    assertThat(policy.violation("long enough")).isEmpty();
  }
}
