package io.mcpgateway.bootstrap.db;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one registry of databases: the vendors listed in
 * {@code META-INF/services/io.mcpgateway.bootstrap.db.Vendor} (ours, and any a gateway's jar adds),
 * by URL scheme. Where two claim a scheme, the first on the class path wins.
 */
public final class Vendors {

  /**
   * A scheme worth echoing in a message. Anything else is not: when a URL lost its "://", what
   * stands before its first colon can be the user and the password.
   */
  private static final Pattern PLAIN_SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,19}", Pattern.CASE_INSENSITIVE);

  private static volatile Registry registry;

  /** The vendors in class-path order, and each scheme's vendor. */
  private record Registry(List<Vendor> vendors, Map<String, Vendor> byScheme) {
  }

  private Vendors() {
  }

  /** Every registered vendor, in class-path order. */
  public static List<Vendor> all() {
    return registry().vendors();
  }

  /** The vendor of a lower-case scheme (without a {@code +driver} suffix). */
  public static Vendor forScheme(String scheme) {
    Vendor vendor = registry().byScheme().get(scheme.toLowerCase(Locale.ROOT));
    if (vendor == null) {
      throw new BootstrapException(Reason.BAD_URL, (PLAIN_SCHEME.matcher(scheme).matches()
          ? "DATABASE_URL scheme '" + scheme + "' is not supported" : "DATABASE_URL does not start with a known scheme")
          + "; accepted forms: " + acceptedForms());
    }
    return vendor;
  }

  /** The vendor called {@code name} (its {@link Vendor#name()}). */
  public static Vendor named(String name) {
    return all().stream().filter(vendor -> vendor.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no vendor named " + name));
  }

  /** Every vendor's URL forms, for messages that refuse a URL. */
  public static String acceptedForms() {
    return all().stream().map(Vendor::urlForms).collect(Collectors.joining(", "));
  }

  private static Registry registry() {
    Registry cached = registry;
    if (cached == null) {
      List<Vendor> vendors = new ArrayList<>();
      ServiceLoader.load(Vendor.class, Vendors.class.getClassLoader()).forEach(vendors::add);
      Map<String, Vendor> byScheme = new LinkedHashMap<>();
      for (Vendor vendor : vendors) {
        vendor.schemes().forEach(scheme -> byScheme.putIfAbsent(scheme, vendor));
      }
      cached = new Registry(List.copyOf(vendors), Map.copyOf(byScheme));
      registry = cached;
    }
    return cached;
  }
}
