package com.lumiku.payments.control;

import com.lumiku.payments.entity.CreditPackage;
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
 * The credit packages for sale and the payment methods offered, from settings: {@code
 * lumiku.payments.packages} lists the ids in the order shown, and each has {@code
 * lumiku.payments.package.<id>.credits}, {@code .bonus}, {@code .price} (rupiah) and {@code
 * .active}. Read once at start; a malformed setting stops the deployment with its name.
 */
@ApplicationScoped
public class CreditPackages {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern METHOD = Pattern.compile("[A-Z0-9]{2}");

  @Inject Config config;

  private List<CreditPackage> packages;
  private Set<String> methods;

  @PostConstruct
  void read() {
    Function<String, Optional<String>> setting = key -> config.getOptionalValue(key, String.class);
    packages = parse(setting);
    methods = methods(setting.apply("lumiku.payments.methods").orElse(""));
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
    String ids = setting.apply("lumiku.payments.packages").orElse("");
    List<CreditPackage> parsed = new ArrayList<>();
    for (String id : Arrays.stream(ids.split(",")).map(String::strip).toList()) {
      if (id.isEmpty()) {
        continue;
      }
      if (!ID.matcher(id).matches()) {
        throw new IllegalStateException(
            "lumiku.payments.packages: \"" + id + "\" is not a package id (a-z, 0-9, -)");
      }
      if (parsed.stream().anyMatch(p -> p.id().equals(id))) {
        throw new IllegalStateException("lumiku.payments.packages names " + id + " twice");
      }
      String prefix = "lumiku.payments.package." + id + ".";
      long credits = number(setting, prefix + "credits", null);
      long bonus = number(setting, prefix + "bonus", 0L);
      long price = number(setting, prefix + "price", null);
      if (credits <= 0 || bonus < 0 || price <= 0) {
        throw new IllegalStateException(
            prefix + "credits and .price must be positive, .bonus not negative");
      }
      String active = setting.apply(prefix + "active").orElse("true").strip();
      if (!active.equals("true") && !active.equals("false")) {
        throw new IllegalStateException(prefix + "active must be true or false");
      }
      parsed.add(new CreditPackage(id, credits, bonus, price, Boolean.parseBoolean(active)));
    }
    return List.copyOf(parsed);
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
