package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.support.DistributionLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * After {@code mvn package}: every path in the image that the Dockerfile, docker-compose.yml and
 * deploy/kubernetes/ name is in the distribution archive the build made (the unit tests check the
 * same paths against the agreed layout when no archive is there yet).
 */
class DeploymentPathsIT {

  private static final Pattern IMAGE_PATH = Pattern.compile(Pattern.quote(DistributionLayout.INSTALL_ROOT) + "/[\\w./-]*[\\w-]");

  @Test
  void everyPathTheDeploymentFilesNameIsInTheArchive() throws Exception {
    Path archive = DistributionLayout.archive();
    Assumptions.assumeTrue(Files.isRegularFile(archive), "no " + archive + ": this build makes no distribution archive");
    Set<String> named = new TreeSet<>();
    for (Path file : deploymentFiles()) {
      Matcher path = IMAGE_PATH.matcher(Files.readString(file));
      while (path.find()) {
        named.add(path.group());
      }
    }
    assertTrue(named.size() >= 2, "the launcher and the runtime's java at least: " + named);

    Set<String> missing = new TreeSet<>();
    for (String path : named) {
      if (!DistributionLayout.holds(path)) {
        missing.add(path);
      }
    }
    assertEquals(Set.of(), missing, "named by the deployment files, absent from " + archive);
  }

  private static List<Path> deploymentFiles() throws Exception {
    List<Path> files = new ArrayList<>(List.of(Path.of("Dockerfile"), Path.of("docker-compose.yml")));
    try (Stream<Path> manifests = Files.list(Manifests.FOLDER)) {
      manifests.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    return files;
  }
}
