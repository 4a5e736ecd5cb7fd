package io.mcpgateway.bootstrap.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.db.PemFileArbitraries.PemContent;
import io.mcpgateway.bootstrap.db.PemFileArbitraries.Verdict;
import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.support.HostileArbitraries;
import io.mcpgateway.bootstrap.support.ParseOutcome;
import io.mcpgateway.bootstrap.support.ScratchFolder;
import io.mcpgateway.bootstrap.support.tls.TestCertificates;
import io.mcpgateway.bootstrap.support.tls.TestFiles;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The PEM files a verifying {@code DATABASE_URL} names ({@code sslrootcert}, {@code sslcert},
 * {@code sslkey}; {@code ssl-ca}, {@code ssl-cert}, {@code ssl-key}), read as a connection reads
 * them, before any socket opens: good files lead to the connection attempt (refused here: nothing
 * listens on port 1), anything else to one {@code BAD_CONFIG} line naming the parameter and the
 * file, never the file's content.
 */
class TlsFilePropertiesTest {

  private static Path folder;
  private static Vertx vertx;
  private static WorkerExecutor worker;
  private static PemFileArbitraries pem;

  /** A verifying URL for one vendor, its files' contents (CA; client certificate and key, or neither) and the URL's password. */
  record TlsCase(String vendor, String mode, List<PemContent> files, String password) {

    List<String> parameters() {
      return vendor.equals("postgresql") ? List.of("sslrootcert", "sslcert", "sslkey") : List.of("ssl-ca", "ssl-cert", "ssl-key");
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    folder = ScratchFolder.create("tls-file-properties");
    pem = new PemFileArbitraries(TestCertificates.make(folder.resolve("pki")));
    vertx = Vertx.vertx();
    worker = vertx.createSharedWorkerExecutor("bootstrap-worker");
  }

  @AfterContainer
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    TestFiles.delete(folder);
  }

  @Property(tries = 1000)
  void tlsFiles_1000Tries_connectOrNameTheParameterAndFileNeverTheContent(@ForAll("tlsCases") TlsCase tls) throws IOException {
    List<Path> paths = new ArrayList<>();
    StringBuilder query = new StringBuilder("?" + (tls.vendor().equals("postgresql") ? "sslmode=" : "ssl-mode=") + tls.mode());
    for (int i = 0; i < tls.files().size(); i++) {
      Path path = write(folder.resolve("file-" + i + ".pem"), tls.files().get(i));
      paths.add(path);
      query.append('&').append(tls.parameters().get(i)).append('=').append(path);
    }
    String text = tls.vendor() + "://gw:" + tls.password() + "@127.0.0.1:1/gw" + query;
    String[] secrets = Stream.concat(Stream.of(tls.password()), tls.files().stream().map(PemContent::secret)).toArray(String[]::new);

    ParseOutcome<DedicatedConnection> outcome = ParseOutcome.of(() -> connect(DatabaseUrl.parse(text))).showsNone(secrets);

    List<String> named = new ArrayList<>();
    boolean surelyRefused = false;
    boolean surelyAccepted = true;
    for (int i = 0; i < tls.files().size(); i++) {
      Verdict verdict = tls.files().get(i).in(i == 2);
      surelyRefused |= verdict == Verdict.REFUSED;
      surelyAccepted &= verdict == Verdict.ACCEPTED;
      if (verdict != Verdict.ACCEPTED) {
        named.add(tls.parameters().get(i) + "=" + paths.get(i));
      }
    }
    BootstrapException refused = outcome.refusal(surelyRefused ? new Reason[] {Reason.BAD_CONFIG}
        : surelyAccepted ? new Reason[] {Reason.UNREACHABLE} : new Reason[] {Reason.BAD_CONFIG, Reason.UNREACHABLE});
    if (refused.reason() == Reason.BAD_CONFIG) {
      assertTrue(named.stream().anyMatch(file -> refused.getMessage().contains(file)), refused::getMessage);
    }
    Statistics.label("outcome").collect(refused.reason());
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check(Reason.BAD_CONFIG).percentage(p -> p > 20);
      coverage.check(Reason.UNREACHABLE).percentage(p -> p > 10);
    });
  }

  /** The vendor's own connect, as a run opens its connection: the PEM files are read first, on the worker. */
  private static DedicatedConnection connect(DatabaseUrl url) throws Exception {
    try {
      return url.vendor().connect(vertx, url, worker).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Path write(Path path, PemContent content) throws IOException {
    TestFiles.delete(path);
    if (content.directory()) {
      return Files.createDirectories(path);
    }
    return content.content() == null ? path : Files.write(path, content.content());
  }

  @Provide
  Arbitrary<TlsCase> tlsCases() {
    Arbitrary<String> vendors = Arbitraries.of("postgresql", "mysql");
    Arbitrary<List<PemContent>> files = Arbitraries.oneOf(pem.contents().list().ofSize(1), pem.contents().list().ofSize(3));
    return Combinators.combine(vendors, Arbitraries.of(0, 1, 2), files, HostileArbitraries.secrets()).as((vendor, mode, chosen,
        password) -> new TlsCase(vendor, vendor.equals("postgresql") ? List.of("verify-full", "verify-ca", "require").get(mode)
        : List.of("VERIFY_IDENTITY", "VERIFY_CA", "REQUIRED").get(mode), chosen, password));
  }
}
