package io.mcpgateway.bootstrap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.DatabaseUrlArbitraries;
import io.mcpgateway.bootstrap.support.GeneratedUrl;
import io.mcpgateway.bootstrap.support.GeneratedUrl.Meaning;
import io.mcpgateway.bootstrap.support.ParseOutcome;
import io.mcpgateway.bootstrap.support.UrlMutations;
import io.mcpgateway.bootstrap.support.UrlMutations.Mutant;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code DATABASE_URL} as an operator or an attacker writes it: every accepted form means what it
 * says, and anything else is one {@code BAD_URL} line; never another exception, never a hang,
 * never the password in a message, a log line or a printable form.
 */
class DatabaseUrlPropertiesTest {

  @Property(tries = 3000)
  void validUrls_3000Tries_meanWhatTheySayAndNeverShowThePassword(@ForAll("validUrls") GeneratedUrl generated) {
    DatabaseUrl url = ParseOutcome.of(() -> DatabaseUrl.parse(generated.text())).showsNone(generated.secret()).value();

    Meaning meaning = generated.meaning();
    assertEquals(meaning.vendor(), url.vendor().name());
    assertEquals(meaning.host(), url.host());
    assertEquals(meaning.port(), url.port());
    assertEquals(meaning.database(), url.database());
    assertEquals(meaning.user(), url.user());
    assertEquals(meaning.password(), url.password());
    assertEquals(meaning.file(), url.file());
    assertEquals(meaning.parameters(), url.parameters());
    assertEquals(jdbcProperties(meaning), url.jdbcProperties());
    if (generated.secret() != null) {
      for (String printable : new String[] {url.toString(), url.redacted(), url.where(), url.jdbcUrl(),
          url.jdbcProperties().toString(), url.parameters().toString()}) {
        assertNull(leak(printable, generated.secret()), printable);
      }
    }
    Statistics.label("vendor").collect(meaning.vendor());
    Statistics.label("password").collect(generated.secret() != null);
  }

  /** The TLS properties the URL's parameters mean; MySQL/MariaDB's JDBC driver also takes the database as one. */
  private static Map<String, String> jdbcProperties(Meaning meaning) {
    Map<String, String> expected = new LinkedHashMap<>(meaning.jdbcProperties());
    if (meaning.vendor().equals("mysql")) {
      expected.put("database", meaning.database());
    }
    return expected;
  }

  @Property(tries = 5000)
  void mutatedUrls_5000Tries_parseOrRefuseWithOneBadUrlLine(@ForAll("mutants") Mutant mutant) {
    ParseOutcome<DatabaseUrl> outcome = ParseOutcome.of(() -> DatabaseUrl.parse(mutant.text())).showsNone(mutant.secret());

    if (outcome.accepted()) {
      DatabaseUrl url = outcome.value();
      if (url.password() != null && mutant.secret() != null && url.password().contains(mutant.secret())) {
        assertNull(leak(url.redacted() + url.where() + url.jdbcUrl() + url.jdbcProperties(), mutant.secret()));
      }
    } else {
      outcome.refusal(Reason.BAD_URL);
    }
    Statistics.label("outcome").collect(outcome.accepted() ? "accepted" : "refused");
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("accepted").percentage(p -> p > 10);
      coverage.check("refused").percentage(p -> p > 30);
    });
  }

  private static String leak(String printable, String secret) {
    return printable.toLowerCase().contains(secret.toLowerCase()) ? printable : null;
  }

  @Provide
  Arbitrary<GeneratedUrl> validUrls() {
    return DatabaseUrlArbitraries.databaseUrls();
  }

  @Provide
  Arbitrary<Mutant> mutants() {
    return UrlMutations.mutants();
  }
}
