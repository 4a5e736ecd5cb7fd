package io.mcpgateway.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import io.mcpgateway.bootstrap.error.BootstrapException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole roles file is checked before anything is written; a problem names the entry and field, never the content. */
class RolesFileTest {

  private static final String SECRETISH = "hunter2-not-to-be-echoed";

  @TempDir
  Path folder;

  @Test
  void theShippedUpstreamFileHoldsTheFiveSystemRoles() {
    List<RoleDefinition> roles = RolesFile.read(Path.of("conf/roles/upstream-head.json"));

    assertEquals(List.of("platform_admin/global", "team_admin/team", "developer/team", "viewer/team", "platform_viewer/global"),
        roles.stream().map(RoleDefinition::key).toList());
    assertTrue(roles.stream().allMatch(RoleDefinition::systemRole));
  }

  @Test
  void anEntryWithABuiltInNameAndScopeReplacesItsDefinitionAndOthersAreAdded() throws Exception {
    List<RoleDefinition> roles = RolesFile.overlay(RoleDefinition.BUILT_IN, RolesFile.read(write(
        "[{\"name\": \"viewer\", \"scope\": \"team\", \"permissions\": [\"tools.read\"]},"
            + " {\"name\": \"auditor\", \"scope\": \"global\", \"permissions\": [\"admin.audit\"], \"description\": \"Audit\"}]")));

    assertEquals(List.of("platform_admin/global", "team_admin/team", "developer/team", "viewer/team", "auditor/global"),
        roles.stream().map(RoleDefinition::key).toList());
    assertEquals(List.of("tools.read"), roles.get(3).permissions());
    assertFalse(roles.get(4).systemRole(), "is_system_role defaults to false");
  }

  static Stream<Arguments> badFiles() {
    String ok = "\"name\": \"r\", \"scope\": \"team\"";
    return Stream.of(
        Arguments.of("{\"name\": \"x\"}", "is not a JSON array"),
        Arguments.of("not json " + SECRETISH, "is not a JSON array"),
        Arguments.of("[\"" + SECRETISH + "\"]", "entry 0 is not a JSON object"),
        Arguments.of("[{\"scope\": \"team\", \"permissions\": []}]", "entry 0, field 'name': is missing"),
        Arguments.of("[{\"name\": \" \", \"scope\": \"team\", \"permissions\": []}]", "entry 0, field 'name': must be a non-empty string"),
        Arguments.of("[{\"name\": \"r\", \"scope\": \"" + SECRETISH + "\", \"permissions\": []}]",
            "entry 0, field 'scope': must be one of global, team, personal"),
        Arguments.of("[{" + ok + ", \"permissions\": \"" + SECRETISH + "\"}]",
            "entry 0, field 'permissions': must be an array of non-empty strings"),
        Arguments.of("[{" + ok + ", \"permissions\": [1]}]", "entry 0, field 'permissions'"),
        Arguments.of("[{" + ok + ", \"permissions\": [], \"is_system_role\": \"yes\"}]", "entry 0, field 'is_system_role'"),
        Arguments.of("[{" + ok + ", \"permissions\": [], \"colour\": 1}]", "entry 0 has the unknown field 'colour'"),
        Arguments.of("[{" + ok + ", \"permissions\": []}, {\"name\": \"R\", \"scope\": \"team\", \"permissions\": []}]",
            "entry 1, fields 'name' and 'scope': the same as entry 0's"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void aBadFileFailsWithTheEntryAndFieldAndNoContent(String content, String expected) throws Exception {
    Path file = write(content);

    BootstrapException error = assertThrows(BootstrapException.class, () -> RolesFile.read(file));

    assertEquals(Reason.BAD_CONFIG, error.reason());
    assertTrue(error.getMessage().startsWith("MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE " + file + ": "), error.getMessage());
    assertTrue(error.getMessage().contains(expected), error.getMessage());
    assertFalse(error.getMessage().contains(SECRETISH), error.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    BootstrapException error = assertThrows(BootstrapException.class, () -> RolesFile.read(folder.resolve("absent.json")));
    assertTrue(error.getMessage().contains("absent.json: does not exist"), error.getMessage());
  }

  @Test
  void theFileIsReadOnlyWhenEnabled() throws Exception {
    assertEquals(RoleDefinition.BUILT_IN, RolesFile.roles(BootstrapConfig.from(new io.vertx.core.json.JsonObject()
        .put("MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE", "absent.json"))));
    assertThrows(BootstrapException.class, () -> RolesFile.roles(BootstrapConfig.from(new io.vertx.core.json.JsonObject()
        .put("MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_ENABLED", "true").put("MCPGATEWAY_BOOTSTRAP_ROLES_IN_DB_FILE", "absent.json"))));
  }

  private Path write(String content) throws Exception {
    return Files.writeString(folder.resolve("roles.json"), content);
  }
}
