package io.mcpgateway.bootstrap.cli;

import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import io.mcpgateway.bootstrap.pipeline.ReadOnlyCheck.Decision;
import io.mcpgateway.bootstrap.pipeline.ReadOnlyCheck.Outcome;
import io.mcpgateway.bootstrap.schema.SchemaPlan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code --check} and {@code --plan} print, and their exit code: 0 when a run would change
 * nothing, 1 when work is pending, and a run's own code when it would refuse the schema.
 */
final class PlanOutput {

  static final int NOTHING_TO_DO = 0;
  static final int WORK_PENDING = 1;

  private final String database;
  private final Outcome outcome;

  PlanOutput(String database, Outcome outcome) {
    this.database = database;
    this.outcome = outcome;
  }

  int exitCode() {
    SchemaPlan schema = outcome.schema();
    if (schema.decision() == SchemaPlan.Decision.REFUSE) {
      return (schema.from() == null ? Reason.UNKNOWN_SCHEMA : Reason.MIGRATION_FAILED).exitCode();
    }
    return outcome.nothingToDo() ? NOTHING_TO_DO : WORK_PENDING;
  }

  /** {@code --check}: one line. */
  String checkLine() {
    String verdict = switch (exitCode()) {
      case NOTHING_TO_DO -> "ready";
      case WORK_PENDING -> "work pending";
      default -> "refused";
    };
    return "check: " + verdict + ": schema " + outcome.schema().describe() + "; " + stepsInOneLine();
  }

  private String stepsInOneLine() {
    if (!outcome.schema().upToDate()) {
      return "steps decided after the migrations";
    }
    String work = outcome.steps().stream().filter(step -> step.pendingRows() > 0)
        .map(step -> step.step() + " " + rows(step.pendingRows())).collect(Collectors.joining(", "));
    return work.isEmpty() ? "no step has work" : "steps with work: " + work;
  }

  /** {@code --plan}: the schema decision with each pending migration, then each step. */
  String text() {
    SchemaPlan schema = outcome.schema();
    StringBuilder out = new StringBuilder("Plan for ").append(database).append(" (read only: no lock taken, nothing written)\n");
    out.append("  schema: ").append(headline(schema)).append('\n');
    schema.pending().forEach(pending -> out.append(String.format("    %-8s %s%n", pending.version(), pending.description())));
    if (schema.reason() != null) {
      out.append("    ").append(schema.reason()).append('\n');
    }
    if (!schema.upToDate()) {
      out.append("  steps: decided after the migrations (their tables may change first)\n");
    } else {
      int width = outcome.steps().stream().mapToInt(step -> step.step().length()).max().orElse(0);
      out.append("  steps:\n");
      for (Decision step : outcome.steps()) {
        out.append(String.format("    %-" + width + "s  %s%n", step.step(),
            step.pendingRows() > 0 ? rows(step.pendingRows()) + " to change" : "nothing to do"));
      }
    }
    out.append(switch (exitCode()) {
      case NOTHING_TO_DO -> "Nothing to do: a run would change nothing.";
      case WORK_PENDING -> "Work is pending: a run would change the database.";
      default -> "A run would refuse this database and change nothing.";
    });
    return out.toString();
  }

  private static String headline(SchemaPlan schema) {
    return switch (schema.decision()) {
      case CURRENT -> "current at version " + schema.to();
      case NEWER -> "at version " + schema.from() + ", newer than these migrations (newest " + schema.to() + "): left as it is";
      case CREATE -> "empty: create it at version " + schema.to() + " with " + count(schema) + ":";
      case ADOPT -> "tables of version " + schema.from() + " without history: adopt them at " + schema.from()
          + (schema.pending().isEmpty() ? "" : ", then migrate to " + schema.to() + " with " + count(schema) + ":");
      case MIGRATE -> "migrate from version " + schema.from() + " to " + schema.to() + " with " + count(schema) + ":";
      case REFUSE -> "refuse:";
      case NO_HISTORY, FLYWAY_DECIDES -> schema.describe();
    };
  }

  private static String count(SchemaPlan schema) {
    return schema.pending().size() + (schema.pending().size() == 1 ? " migration" : " migrations");
  }

  private static String rows(long count) {
    return count + (count == 1 ? " row" : " rows");
  }

  /** {@code --json}: the same as one object. */
  JsonObject json() {
    SchemaPlan schema = outcome.schema();
    JsonObject schemaJson = new JsonObject()
        .put("decision", schema.decision().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .put("from", schema.from())
        .put("to", schema.to())
        .put("pending", new JsonArray(schema.pending().stream()
            .map(pending -> new JsonObject().put("version", pending.version()).put("description", pending.description()))
            .toList()))
        .put("summary", schema.describe());
    if (schema.reason() != null) {
      schemaJson.put("reason", schema.reason());
    }
    JsonObject json = new JsonObject().put("database", database).put("schema", schemaJson);
    if (schema.upToDate()) {
      json.put("steps", new JsonArray(outcome.steps().stream()
          .map(step -> new JsonObject().put("step", step.step()).put("pendingRows", step.pendingRows())).toList()));
    } else {
      json.putNull("steps");
    }
    return json.put("workPending", exitCode() == WORK_PENDING).put("exitCode", exitCode());
  }
}
