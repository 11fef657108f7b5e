package com.lumiku.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.payments.entity.CreditPackage;
import com.lumiku.payments.entity.QuotaPlan;
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
    assertThat(
            CreditPackages.plans(key -> Optional.ofNullable(defaults.getProperty(key)), packages))
        .containsExactly(new QuotaPlan("pose-unlimited", "pose-generator", 30, 100, 99000, true));
  }

  private static java.util.List<QuotaPlan> plans(Map<String, String> settings) {
    return CreditPackages.plans(
        key -> Optional.ofNullable(settings.get(key)),
        java.util.List.of(new CreditPackage("starter", 100, 0, 10000, true)));
  }

  @Test
  void aPlanWithoutADailyQuotaTakesTheQuotasDefault() {
    var parsed =
        plans(
            Map.of(
                "lumiku.payments.plans", "unlimited, week",
                "lumiku.payments.plan.unlimited.app", "pose-generator",
                "lumiku.payments.plan.unlimited.days", "30",
                "lumiku.payments.plan.unlimited.price", "99000",
                "lumiku.quotas.default-daily", "100",
                "lumiku.payments.plan.week.app", "pose-generator",
                "lumiku.payments.plan.week.days", "7",
                "lumiku.payments.plan.week.daily-quota", "20",
                "lumiku.payments.plan.week.price", "25000",
                "lumiku.payments.plan.week.active", "false"));
    assertThat(parsed)
        .containsExactly(
            new QuotaPlan("unlimited", "pose-generator", 30, 100, 99000, true),
            new QuotaPlan("week", "pose-generator", 7, 20, 25000, false));
  }

  @Test
  void malformedPlansNameTheirSetting() {
    Map<String, String> good =
        Map.of(
            "lumiku.payments.plans", "p",
            "lumiku.payments.plan.p.app", "pose-generator",
            "lumiku.payments.plan.p.days", "30",
            "lumiku.payments.plan.p.daily-quota", "100",
            "lumiku.payments.plan.p.price", "99000");
    assertThat(plans(good)).hasSize(1);
    for (var broken :
        Map.of(
                "lumiku.payments.plan.p.app", "Pose Generator",
                "lumiku.payments.plan.p.days", "0",
                "lumiku.payments.plan.p.daily-quota", "-1",
                "lumiku.payments.plan.p.price", "free",
                "lumiku.payments.plan.p.active", "yes")
            .entrySet()) {
      var settings = new java.util.HashMap<>(good);
      settings.put(broken.getKey(), broken.getValue());
      assertThatThrownBy(() -> plans(settings))
          .as(broken.getKey())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("lumiku.payments.plan.p.");
    }
    var withoutDays = new java.util.HashMap<>(good);
    withoutDays.remove("lumiku.payments.plan.p.days");
    assertThatThrownBy(() -> plans(withoutDays))
        .hasMessageContaining("lumiku.payments.plan.p.days");
    var daysTooMany = new java.util.HashMap<>(good);
    daysTooMany.put("lumiku.payments.plan.p.days", "3661");
    assertThatThrownBy(() -> plans(daysTooMany)).hasMessageContaining(".days must be 1 to 3660");
  }

  @Test
  void aPlanMayNotTakeAPackagesId() {
    assertThatThrownBy(() -> plans(Map.of("lumiku.payments.plans", "starter")))
        .hasMessageContaining("lumiku.payments.plans: starter");
    assertThatThrownBy(() -> plans(Map.of("lumiku.payments.plans", "a,a")))
        .hasMessageContaining("named twice");
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
        .hasMessageContaining("is not an id");
    assertThatThrownBy(() -> CreditPackages.methods("VC,visa")).hasMessageContaining("visa");
  }

  @Test
  void noPackagesIsAnEmptyShop() {
    assertThat(parse(Map.of())).isEmpty();
  }
}
