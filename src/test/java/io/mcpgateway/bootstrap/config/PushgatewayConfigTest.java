package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushgatewayConfigTest {

  private static final Map<String, String> POD = Map.of("HOSTNAME", "migrate-7xk2p");

  @Test
  void withoutAUrlNothingIsPushed() {
    assertEquals(Optional.empty(), PushgatewayConfig.from(new JsonObject(), POD));
    assertEquals(Optional.empty(), PushgatewayConfig.from(new JsonObject().put("PUSHGATEWAY_URL", " "), POD));
  }

  @Test
  void theGroupIsTheAgentsJobAndTheHostNameByDefault() {
    PushgatewayConfig push = from(new JsonObject().put("PUSHGATEWAY_URL", "http://pushgateway.monitoring:9091/"));

    assertEquals("http://pushgateway.monitoring:9091/metrics/job/db-bootstrap-agent/instance/migrate-7xk2p", push.groupUrl());
    assertEquals("migrate-7xk2p", push.instance());
    assertEquals(Duration.ofMillis(2000), push.timeout());
    assertNull(push.authorization());
  }

  @Test
  void settingsComeFromTheEnvironmentLikeEveryOther(@TempDir Path folder) {
    JsonObject settings = SettingsLoader.load(folder.resolve("absent.json"), false, Map.of(
        "PUSHGATEWAY_URL", "https://push.example.com/prefix", "PUSHGATEWAY_INSTANCE", "eu-1", "PUSHGATEWAY_TIMEOUT_MS", "750"));
    PushgatewayConfig push = PushgatewayConfig.from(settings, POD).orElseThrow();

    assertEquals("https://push.example.com/prefix/metrics/job/db-bootstrap-agent/instance/eu-1", push.groupUrl());
    assertEquals(Duration.ofMillis(750), push.timeout());
  }

  @Test
  void anInstanceWithASlashGoesBase64AndOtherCharactersArePathEncoded() {
    String slashed = from(new JsonObject().put("PUSHGATEWAY_URL", "http://pg:9091").put("PUSHGATEWAY_INSTANCE", "ns/pod 1"))
        .groupUrl();
    String spaced = from(new JsonObject().put("PUSHGATEWAY_URL", "http://pg:9091").put("PUSHGATEWAY_INSTANCE", "pod 1+ä"))
        .groupUrl();

    String encoded = Base64.getUrlEncoder().encodeToString("ns/pod 1".getBytes(StandardCharsets.UTF_8));
    assertEquals("http://pg:9091/metrics/job/db-bootstrap-agent/instance@base64/" + encoded, slashed);
    assertEquals("http://pg:9091/metrics/job/db-bootstrap-agent/instance/pod%201%2B%C3%A4", spaced);
  }

  @Test
  void credentialsBecomeABasicAuthHeaderAndAppearNowhereElse() {
    PushgatewayConfig push = from(new JsonObject().put("PUSHGATEWAY_URL", "http://pusher:s3cr%40t@pg:9091"));

    assertEquals("Basic " + Base64.getEncoder().encodeToString("pusher:s3cr@t".getBytes(StandardCharsets.UTF_8)),
        push.authorization());
    assertEquals("http://pg:9091", push.redactedUrl());
    assertFalse(push.groupUrl().contains("s3cr"), push.groupUrl());
    assertFalse(push.toString().contains("s3cr"), push.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pushgateway:9091", "ftp://pg:9091", "http://", "http:///metrics", "http://pg:9091?x=1",
      "http://pg:9091#top", "http://us er:pw@pg:9091"})
  void aBadUrlIsOneLineThatNeverEchoesIt(String url) {
    BootstrapException error = assertThrows(BootstrapException.class,
        () -> PushgatewayConfig.from(new JsonObject().put("PUSHGATEWAY_URL", url), POD));

    assertEquals(Reason.BAD_CONFIG, error.reason());
    assertTrue(error.getMessage().startsWith("PUSHGATEWAY_URL "), error.getMessage());
    assertFalse(error.getMessage().contains("\n"), error.getMessage());
    assertFalse(url.contains("pw") && error.getMessage().contains("pw"), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "99", "60001", "2s", "-5"})
  void aTimeoutOutsideItsBoundsIsRefused(String timeout) {
    BootstrapException error = assertThrows(BootstrapException.class, () -> PushgatewayConfig.from(
        new JsonObject().put("PUSHGATEWAY_URL", "http://pg:9091").put("PUSHGATEWAY_TIMEOUT_MS", timeout), POD));

    assertEquals(Reason.BAD_CONFIG, error.reason());
    assertEquals("PUSHGATEWAY_TIMEOUT_MS must be a whole number from 100 to 60000 (got '" + timeout + "')", error.getMessage());
  }

  @Test
  void theAgentsVariablesIncludeThePushgatewaysAndTheSecretFiles() {
    assertTrue(SettingsLoader.environmentVariables().containsAll(PushgatewayConfig.KEYS));
    assertTrue(SettingsLoader.environmentVariables().containsAll(java.util.List.of(
        "DATABASE_URL_FILE", "PLATFORM_ADMIN_PASSWORD_FILE", "HTTP_PORT", "DATABASE_URL", "MCPGATEWAY_SKIP_MIGRATIONS")));
  }

  private static PushgatewayConfig from(JsonObject settings) {
    return PushgatewayConfig.from(settings, POD).orElseThrow();
  }
}
