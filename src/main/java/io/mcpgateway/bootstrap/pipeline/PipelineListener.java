package io.mcpgateway.bootstrap.pipeline;


/**
 * Hears each step start and finish as it happens, so metrics can show a replica that is still
 * waiting for the lock, not only what it did afterwards.
 */
public interface PipelineListener {

  PipelineListener NONE = new PipelineListener() {
  };

  default void stepStarted(String step) {
  }

  default void stepFinished(StepResult result) {
  }

  /** The whole run ended: ready ({@code succeeded}) or failed, after {@code totalMillis}. */
  default void runFinished(boolean succeeded, long totalMillis) {
  }
}
