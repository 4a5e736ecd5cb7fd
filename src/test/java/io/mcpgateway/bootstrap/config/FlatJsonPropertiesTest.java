package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The settings file's own reader against Jackson's: wherever it takes a text, Jackson reads the
 * same object from it; it takes every flat object as Vert.x writes one; and it leaves to Jackson
 * what it does not take, so a file's meaning and its errors stay Jackson's.
 */
class FlatJsonPropertiesTest {

  @Property(tries = 500)
  void everyFlatObjectIsReadAsJacksonReadsIt(@ForAll("flatObjects") JsonObject object, @ForAll boolean pretty) {
    String text = pretty ? object.encodePrettily() : object.encode();

    Optional<JsonObject> read = FlatJson.parse(text);

    assertTrue(read.isPresent(), text);
    assertEquals(new JsonObject(text), read.get(), text);
  }

  /** Texts near JSON (a flat object, edited by a character or a few): taken only as Jackson reads them. */
  @Property(tries = 3000)
  void whatItTakesJacksonReadsTheSame(@ForAll("nearlyJson") String text) {
    Optional<JsonObject> read = FlatJson.parse(text);
    Statistics.label("taken").collect(read.isPresent());
    if (read.isPresent()) {
      assertEquals(new JsonObject(text), read.get(), text);
    }
  }

  @Example
  void whatIsNotFlatIsLeftToJackson() {
    for (String text : List.of("{\"A\": {\"B\": 1}}", "{\"A\": [1]}", "{\"A\": 1.5}", "{\"A\": 1e3}", "{\"A\": 0123}",
        "{\"A\": 12345678901234567890}", "{\"A\": \"x\ty\"}", "{\"A\": \"\\x\"}", "{\"A\": 1,}", "{\"A\": 1} x", "[]",
        "{'A': 1}", "{\"A\": tru}", "", "{")) {
      assertEquals(Optional.empty(), FlatJson.parse(text), text);
    }
  }

  @Example
  void theShippedSettingsFileIsTaken() throws Exception {
    String text = Files.readString(Path.of("conf", "bootstrap.json"));
    assertEquals(Optional.of(new JsonObject(text)), FlatJson.parse(text));
  }

  @Provide
  Arbitrary<JsonObject> flatObjects() {
    Arbitrary<Object> values = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(20).map(Object.class::cast),
        Arbitraries.integers().map(Object.class::cast),
        Arbitraries.longs().between(-999_999_999_999_999_999L, 999_999_999_999_999_999L).map(Object.class::cast),
        Arbitraries.of(true, false).map(Object.class::cast),
        Arbitraries.just(null));
    Arbitrary<Map<String, Object>> maps = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(12), values).ofMaxSize(8);
    return maps.map(map -> {
      JsonObject object = new JsonObject();
      map.forEach(object::put);
      return object;
    });
  }

  @Provide
  Arbitrary<String> nearlyJson() {
    Arbitrary<String> flat = flatObjects().map(JsonObject::encodePrettily);
    Arbitrary<Character> noise = Arbitraries.of('{', '}', '"', '\\', ',', ':', ' ', '\n', '\t', '-', '.', '0', '1', 'e', 'u',
        'n', 't', '[', '\u0001', 'x');
    return Combinators.combine(flat, Arbitraries.integers().between(0, 400), noise, Arbitraries.integers().between(0, 3))
        .as((text, position, character, edit) -> {
          int at = Math.min(position, text.length());
          return switch (edit) {
            case 0 -> text.substring(0, at) + character + text.substring(at);
            case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            case 2 -> at < text.length() ? text.substring(0, at) + character + text.substring(at + 1) : text;
            default -> text.substring(0, at);
          };
        });
  }
}
