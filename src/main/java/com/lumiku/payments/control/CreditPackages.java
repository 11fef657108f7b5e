package com.lumiku.payments.control;

import com.lumiku.payments.entity.CreditPackage;
import com.lumiku.payments.entity.QuotaPlan;
import com.lumiku.platform.problem.FieldRules;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * What is for sale and the payment methods offered, from settings: {@code lumiku.payments.packages}
 * lists the credit packages' ids in the order shown, and each has {@code
 * lumiku.payments.package.<id>.credits}, {@code .bonus}, {@code .price} (rupiah) and {@code
 * .active}; {@code lumiku.payments.plans} lists the plans (quota tiers), each with {@code
 * lumiku.payments.plan.<id>.app}, {@code .days}, {@code .daily-quota} (unset: {@code
 * lumiku.quotas.default-daily}), {@code .price} and {@code .active}. Packages and plans share one
 * space of ids (a checkout names either). Read once at start; a malformed setting stops the
 * deployment with its name.
 */
@ApplicationScoped
public class CreditPackages {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern METHOD = Pattern.compile("[A-Z0-9]{2}");

  /** The longest a plan runs for at once (ten years, as operators' grants). */
  static final int LONGEST_PLAN_DAYS = 3660;

  @Inject Config config;

  private List<CreditPackage> packages;
  private List<QuotaPlan> plans;
  private Set<String> methods;

  @PostConstruct
  void read() {
    Function<String, Optional<String>> setting = key -> config.getOptionalValue(key, String.class);
    packages = parse(setting);
    plans = plans(setting, packages);
    methods = methods(setting.apply("lumiku.payments.methods").orElse(""));
  }

  /** The plans that can be bought, in the configured order. */
  public List<QuotaPlan> activePlans() {
    return plans.stream().filter(QuotaPlan::active).toList();
  }

  /** The active plan with this id. */
  public Optional<QuotaPlan> buyablePlan(String id) {
    return activePlans().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The ids of everything that can be bought: packages, then plans. */
  public List<String> buyableIds() {
    List<String> ids = new ArrayList<>(active().stream().map(CreditPackage::id).toList());
    ids.addAll(activePlans().stream().map(QuotaPlan::id).toList());
    return ids;
  }

  /** The packages that can be bought, in the configured order. */
  public List<CreditPackage> active() {
    return packages.stream().filter(CreditPackage::active).toList();
  }

  /** The active package with this id. */
  public Optional<CreditPackage> buyable(String id) {
    return active().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The payment method codes a buyer may choose (Duitku's codes, e.g. VC, BC, M2). */
  public Set<String> methods() {
    return methods;
  }

  static List<CreditPackage> parse(Function<String, Optional<String>> setting) {
    List<CreditPackage> parsed = new ArrayList<>();
    for (String id : ids(setting, "lumiku.payments.packages", List.of())) {
      String prefix = "lumiku.payments.package." + id + ".";
      long credits = number(setting, prefix + "credits", null);
      long bonus = number(setting, prefix + "bonus", 0L);
      long price = number(setting, prefix + "price", null);
      if (credits <= 0 || bonus < 0 || price <= 0) {
        throw new IllegalStateException(
            prefix + "credits and .price must be positive, .bonus not negative");
      }
      parsed.add(new CreditPackage(id, credits, bonus, price, active(setting, prefix)));
    }
    return List.copyOf(parsed);
  }

  /** The plans, whose ids must differ from the packages'. */
  static List<QuotaPlan> plans(
      Function<String, Optional<String>> setting, List<CreditPackage> packages) {
    List<QuotaPlan> parsed = new ArrayList<>();
    List<String> taken = packages.stream().map(CreditPackage::id).toList();
    for (String id : ids(setting, "lumiku.payments.plans", taken)) {
      String prefix = "lumiku.payments.plan." + id + ".";
      String app = setting.apply(prefix + "app").map(String::strip).orElse("");
      if (app.length() > 40 || !FieldRules.SLUG.matcher(app).matches()) {
        throw new IllegalStateException(
            prefix
                + "app must name an app (lower-case words joined by hyphens), not \""
                + app
                + "\"");
      }
      long days = number(setting, prefix + "days", null);
      long dailyQuota =
          setting.apply(prefix + "daily-quota").isPresent()
              ? number(setting, prefix + "daily-quota", null)
              : number(setting, "lumiku.quotas.default-daily", null);
      long price = number(setting, prefix + "price", null);
      if (days <= 0 || days > LONGEST_PLAN_DAYS) {
        throw new IllegalStateException(prefix + "days must be 1 to " + LONGEST_PLAN_DAYS);
      }
      if (dailyQuota <= 0 || dailyQuota > Integer.MAX_VALUE || price <= 0) {
        throw new IllegalStateException(prefix + "daily-quota and .price must be positive");
      }
      parsed.add(
          new QuotaPlan(id, app, (int) days, (int) dailyQuota, price, active(setting, prefix)));
    }
    return List.copyOf(parsed);
  }

  /** The ids a list setting names, in order; none twice, none of {@code taken}. */
  private static List<String> ids(
      Function<String, Optional<String>> setting, String key, List<String> taken) {
    List<String> ids = new ArrayList<>();
    for (String id :
        Arrays.stream(setting.apply(key).orElse("").split(",")).map(String::strip).toList()) {
      if (id.isEmpty()) {
        continue;
      }
      if (!ID.matcher(id).matches()) {
        throw new IllegalStateException(
            key + ": \"" + id + "\" is not an id (a-z, 0-9, -; at most 40)");
      }
      if (ids.contains(id) || taken.contains(id)) {
        throw new IllegalStateException(key + ": " + id + " is named twice (or is a package's id)");
      }
      ids.add(id);
    }
    return ids;
  }

  private static boolean active(Function<String, Optional<String>> setting, String prefix) {
    String active = setting.apply(prefix + "active").orElse("true").strip();
    if (!active.equals("true") && !active.equals("false")) {
      throw new IllegalStateException(prefix + "active must be true or false");
    }
    return Boolean.parseBoolean(active);
  }

  static Set<String> methods(String list) {
    List<String> codes =
        Arrays.stream(list.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
    for (String code : codes) {
      if (!METHOD.matcher(code).matches()) {
        throw new IllegalStateException(
            "lumiku.payments.methods: \"" + code + "\" is not a payment method code");
      }
    }
    return Set.copyOf(codes);
  }

  private static long number(
      Function<String, Optional<String>> setting, String key, Long fallback) {
    Optional<String> value = setting.apply(key);
    if (value.isEmpty()) {
      if (fallback == null) {
        throw new IllegalStateException(key + " is not set");
      }
      return fallback;
    }
    try {
      return Long.parseLong(value.get().strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(key + " must be a whole number, not " + value.get(), e);
    }
  }
}
