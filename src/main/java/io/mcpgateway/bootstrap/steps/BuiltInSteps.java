package io.mcpgateway.bootstrap.steps;

import java.util.List;

/** The reference's post-migration steps, in its order; a gateway's steps run after these. */
public final class BuiltInSteps {

  private BuiltInSteps() {
  }

  public static List<BootstrapStep> all() {
    return List.of(new NormalizeTeamVisibility(), new PlatformAdmin(), new DefaultRoles(), new OrphanAssignment());
  }
}
