package io.mcpgateway.bootstrap.steps;

import io.mcpgateway.bootstrap.config.RoleDefinition;
import java.util.List;

/** The reference's post-migration steps, in its order; a gateway's steps run after these. */
public final class BuiltInSteps {

  private BuiltInSteps() {
  }

  /** The built-in steps, creating {@code roles} (see {@code RolesFile.roles}). */
  public static List<BootstrapStep> all(List<RoleDefinition> roles) {
    return List.of(new NormalizeTeamVisibility(), new PlatformAdmin(), new DefaultRoles(roles), new OrphanAssignment());
  }
}
