import io.mcpgateway.bootstrap.BootstrapVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;

/**
 * The agent embedded in a gateway's JVM, against Flyway called there: the time a gateway waits, on
 * a database that is already up to date, the first time in the JVM and again. Prints one JSON line,
 * {"first_ms": ..., "repeated_ms": [...]}, after the agent's own log lines.
 *   EmbeddedBench agent DATABASE_URL RUNS
 *       the bundled BootstrapVerticle deployed RUNS times in one Vert.x that is already running
 *       (undeployed in between): from deployVerticle to its completion, the database ready
 *   EmbeddedBench flyway JDBC_URL USER PASSWORD LOCATION RUNS
 *       Flyway.configure()...load().migrate() RUNS times, each with a connection of its own
 */
public final class EmbeddedBench {

  public static void main(String[] args) throws Exception {
    List<Double> millis = args[0].equals("agent") ? agent(args[1], Integer.parseInt(args[2]))
        : flyway(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]));
    System.out.println(new JsonObject().put("first_ms", millis.get(0)).put("repeated_ms", millis.subList(1, millis.size())).encode());
    System.exit(0);
  }

  private static List<Double> agent(String databaseUrl, int runs) throws Exception {
    Vertx vertx = Vertx.vertx();
    // Running already: its event loop has turned and its event bus has carried a message.
    vertx.eventBus().localConsumer("gateway.ping", message -> message.reply("pong"));
    join(vertx.eventBus().request("gateway.ping", "ping"));
    JsonObject settings = new JsonObject().put("DATABASE_URL", databaseUrl).put("PLATFORM_ADMIN_PASSWORD", "bench-Passw0rd");
    List<Double> millis = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      String id = join(vertx.deployVerticle(new BootstrapVerticle(), new DeploymentOptions().setConfig(settings)));
      millis.add((System.nanoTime() - start) / 1e6);
      join(vertx.undeploy(id));
    }
    join(vertx.close());
    return millis;
  }

  private static List<Double> flyway(String url, String user, String password, String location, int runs) throws Exception {
    List<Double> millis = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      millis.add(time(() -> Flyway.configure().dataSource(url, user, password.isEmpty() ? null : password)
          .locations(location).load().migrate()));
    }
    return millis;
  }

  private static double time(Callable<?> work) throws Exception {
    long start = System.nanoTime();
    work.call();
    return (System.nanoTime() - start) / 1e6;
  }

  private static <T> T join(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }
}
