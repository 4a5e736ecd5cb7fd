package io.mcpgateway.bootstrap.config;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a one-shot run pushes its metrics before it exits: {@code PUSHGATEWAY_URL} (http or https,
 * optionally with {@code user:password@} for basic auth), {@code PUSHGATEWAY_INSTANCE} (the grouping
 * key's instance; default the host name, which is the pod's name in Kubernetes) and
 * {@code PUSHGATEWAY_TIMEOUT_MS}. The credentials live in {@link #authorization()} only;
 * {@link #redactedUrl()} and {@link #toString()} never show them.
 *
 * @param groupUrl the group's URL, {@code .../metrics/job/db-bootstrap-agent/instance/<instance>}, without credentials
 * @param redactedUrl the Pushgateway's URL for messages: scheme, host, port and path only
 * @param authorization the {@code Authorization} header's value, or null without credentials
 * @param instance the grouping key's instance label
 * @param timeout how long the push may take, connect and answer together
 */
public record PushgatewayConfig(String groupUrl, String redactedUrl, String authorization, String instance,
                                Duration timeout) {

  public static final String URL = "PUSHGATEWAY_URL";
  public static final String INSTANCE = "PUSHGATEWAY_INSTANCE";
  public static final String TIMEOUT_MS = "PUSHGATEWAY_TIMEOUT_MS";
  public static final List<String> KEYS = List.of(URL, INSTANCE, TIMEOUT_MS);
  /** The environment variable the instance defaults to. */
  public static final String HOST_NAME = "HOSTNAME";

  /** The Prometheus job label every push carries. */
  public static final String JOB = "db-bootstrap-agent";
  private static final String DEFAULT_TIMEOUT_MS = "2000";

  /** Empty when {@code PUSHGATEWAY_URL} is not set; a bad value fails with a one-line {@code BAD_CONFIG}. */
  public static Optional<PushgatewayConfig> from(JsonObject settings, Map<String, String> environment) {
    String text = value(settings, URL);
    if (text == null) {
      return Optional.empty();
    }
    URI url = parse(text);
    String instance = Optional.ofNullable(value(settings, INSTANCE)).orElseGet(() -> hostName(environment));
    JsonObject withDefault = new JsonObject().put(TIMEOUT_MS, DEFAULT_TIMEOUT_MS).mergeIn(settings);
    Duration timeout = Duration.ofMillis(BootstrapConfig.number(withDefault, TIMEOUT_MS, 100, 60_000));
    return Optional.of(new PushgatewayConfig(base(url) + "/metrics/job/" + JOB + "/" + instanceSegment(instance),
        base(url), authorization(url), instance, timeout));
  }

  /** Absent, or blank: not set. */
  private static String value(JsonObject settings, String key) {
    Object value = settings.getValue(key);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** The message never echoes the value: it may carry a password. */
  private static URI parse(String text) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw bad(URL + " is not a URL; give one like http://pushgateway:9091");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw bad(URL + " must be an http:// or https:// URL with a host name, like http://pushgateway:9091");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw bad(URL + " must not have a query or fragment; give the Pushgateway's base URL, like http://pushgateway:9091");
    }
    return url;
  }

  /** Scheme, host, port and path (a Pushgateway behind a path prefix), without credentials or a trailing slash. */
  private static String base(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + path;
  }

  private static String authorization(URI url) {
    String userInfo = url.getUserInfo(); // decoded: %40 in a password is an @
    if (userInfo == null) {
      return null;
    }
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code instance/<value>}, path-encoded; a value with a slash goes base64url-encoded
   * ({@code instance@base64/...}), since the Pushgateway splits the path before decoding {@code %2F}.
   */
  static String instanceSegment(String instance) {
    if (instance.contains("/")) {
      return "instance@base64/" + Base64.getUrlEncoder().encodeToString(instance.getBytes(StandardCharsets.UTF_8));
    }
    return "instance/" + URLEncoder.encode(instance, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code HOSTNAME} (set in every container), else the name the JDK finds. */
  private static String hostName(Map<String, String> environment) {
    String name = environment.get(HOST_NAME);
    if (name != null && !name.isBlank()) {
      return name.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  private static BootstrapException bad(String message) {
    return new BootstrapException(Reason.BAD_CONFIG, message);
  }

  @Override
  public String toString() {
    return "PushgatewayConfig[url=" + redactedUrl + ", instance=" + instance + ", timeout=" + timeout
        + (authorization == null ? "" : ", authorization=***") + "]";
  }
}
