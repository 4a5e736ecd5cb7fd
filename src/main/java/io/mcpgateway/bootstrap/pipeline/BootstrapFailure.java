package io.mcpgateway.bootstrap.pipeline;

import io.mcpgateway.bootstrap.error.BootstrapException;

/**
 * A failed run: why it failed and what it had done until then (for {@code db.failed}).
 */
public final class BootstrapFailure extends RuntimeException {

  private final BootstrapException error;
  private final BootstrapReport partial;

  public BootstrapFailure(BootstrapException error, BootstrapReport partial) {
    super(error.getMessage(), error, false, false);
    this.error = error;
    this.partial = partial;
  }

  public BootstrapException error() {
    return error;
  }

  public BootstrapReport partial() {
    return partial;
  }
}
