package com.lumiku.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.payments.entity.CreditPackage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CreditPackagesTest {

  private static java.util.List<CreditPackage> parse(Map<String, String> settings) {
    return CreditPackages.parse(key -> Optional.ofNullable(settings.get(key)));
  }

  @Test
  void theShippedDefaultsAreValid() throws IOException {
    Properties defaults = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    var packages = CreditPackages.parse(key -> Optional.ofNullable(defaults.getProperty(key)));
    assertThat(packages).extracting(CreditPackage::id).containsExactly("starter", "popular", "pro");
    assertThat(packages.get(0)).isEqualTo(new CreditPackage("starter", 100, 0, 10000, true));
    assertThat(CreditPackages.methods(defaults.getProperty("lumiku.payments.methods")))
        .contains("VC", "BC", "M2");
  }

  @Test
  void bonusAndActiveHaveDefaultsAndOrderIsKept() {
    var packages =
        parse(
            Map.of(
                "lumiku.payments.packages", " b , a ",
                "lumiku.payments.package.a.credits", "10",
                "lumiku.payments.package.a.price", "1000",
                "lumiku.payments.package.b.credits", "20",
                "lumiku.payments.package.b.bonus", "5",
                "lumiku.payments.package.b.price", "2000",
                "lumiku.payments.package.b.active", "false"));
    assertThat(packages)
        .containsExactly(
            new CreditPackage("b", 20, 5, 2000, false), new CreditPackage("a", 10, 0, 1000, true));
    assertThat(packages.get(0).totalCredits()).isEqualTo(25);
  }

  @Test
  void malformedSettingsNameThemselves() {
    assertThatThrownBy(() -> parse(Map.of("lumiku.payments.packages", "a")))
        .hasMessageContaining("lumiku.payments.package.a.credits");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "lumiku.payments.packages", "a",
                        "lumiku.payments.package.a.credits", "10",
                        "lumiku.payments.package.a.price", "-1")))
        .hasMessageContaining("lumiku.payments.package.a.");
    assertThatThrownBy(() -> parse(Map.of("lumiku.payments.packages", "A b")))
        .hasMessageContaining("not a package id");
    assertThatThrownBy(() -> CreditPackages.methods("VC,visa")).hasMessageContaining("visa");
  }

  @Test
  void noPackagesIsAnEmptyShop() {
    assertThat(parse(Map.of())).isEmpty();
  }
}
