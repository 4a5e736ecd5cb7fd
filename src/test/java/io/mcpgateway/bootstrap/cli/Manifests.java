package io.mcpgateway.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** deploy/kubernetes/ read as plain YAML: its documents, and the containers of its workloads. */
final class Manifests {

  static final Path FOLDER = Path.of("deploy", "kubernetes");
  private static final String SECRET_EXAMPLE = "secret.example.yaml";

  private Manifests() {
  }

  /** Every document of every manifest, the secret example included. */
  static List<Map<String, Object>> all() throws Exception {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        documents.addAll(documents(file));
      }
    }
    return documents;
  }

  static Map<String, Object> document(String file) throws Exception {
    List<Map<String, Object>> documents = documents(FOLDER.resolve(file));
    assertEquals(1, documents.size(), file);
    return documents.get(0);
  }

  static List<Map<String, Object>> ofKind(String kind) throws Exception {
    return all().stream().filter(document -> kind.equals(document.get("kind"))).toList();
  }

  /** The containers and init containers of every Job and Deployment. */
  static List<Container> containers() throws Exception {
    List<Container> containers = new ArrayList<>();
    for (Map<String, Object> workload : all()) {
      if (List.of("Job", "Deployment").contains(workload.get("kind"))) {
        Map<String, Object> pod = map(map(map(workload.get("spec")).get("template")).get("spec"));
        for (String list : List.of("initContainers", "containers")) {
          for (Object container : (List<?>) pod.getOrDefault(list, List.of())) {
            containers.add(new Container(workload, pod, map(container)));
          }
        }
      }
    }
    return containers;
  }

  /** One container, with the pod and the workload it belongs to. */
  record Container(Map<String, Object> workload, Map<String, Object> pod, Map<String, Object> spec) {

    String name() {
      return String.valueOf(spec.get("name"));
    }

    /** Whether it belongs to a workload of this kind (a Job, a Deployment). */
    boolean in(String kind) {
      return kind.equals(workload.get("kind"));
    }

    String image() {
      return String.valueOf(spec.get("image"));
    }

    List<String> command() {
      return strings(spec.getOrDefault("command", List.of()));
    }

    List<String> args() {
      return strings(spec.getOrDefault("args", List.of()));
    }

    /** Name to value; a value from elsewhere ({@code valueFrom}) is empty. */
    Map<String, String> environment() {
      Map<String, String> environment = new LinkedHashMap<>();
      for (Object variable : (List<?>) spec.getOrDefault("env", List.of())) {
        Map<String, Object> entry = map(variable);
        environment.put(String.valueOf(entry.get("name")), entry.containsKey("value") ? String.valueOf(entry.get("value")) : "");
      }
      return environment;
    }

    /**
     * The environment, with each {@code X_FILE} pointed at a copy of the file it names: found through
     * the container's mount, the pod's secret volume and that secret's example.
     */
    Map<String, String> environmentWithSecretFiles(Path folder) throws Exception {
      Map<String, String> environment = environment();
      for (Map.Entry<String, String> variable : environment.entrySet()) {
        if (variable.getKey().endsWith("_FILE")) {
          Path copy = folder.resolve(name() + "-" + variable.getKey());
          Files.writeString(copy, secretFileContent(variable.getValue()) + "\n");
          variable.setValue(copy.toString());
        }
      }
      return environment;
    }

    private String secretFileContent(String path) throws Exception {
      Map<String, Object> mount = mounts().stream().filter(m -> path.startsWith(m.get("mountPath") + "/")).findFirst()
          .orElseThrow(() -> new AssertionError(this + ": no volume is mounted where " + path + " is"));
      Map<String, Object> volume = ((List<?>) pod.get("volumes")).stream().map(Manifests::map)
          .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
      String secretName = String.valueOf(map(volume.get("secret")).get("secretName"));
      Map<String, Object> secret = document(SECRET_EXAMPLE);
      assertEquals(secretName, map(secret.get("metadata")).get("name"), this + " mounts a secret the example does not show");
      Object content = map(secret.get("stringData")).get(path.substring(String.valueOf(mount.get("mountPath")).length() + 1));
      assertNotNull(content, this + ": the secret has no key for " + path);
      return String.valueOf(content);
    }

    List<String> mountPaths() {
      return mounts().stream().map(mount -> String.valueOf(mount.get("mountPath"))).toList();
    }

    private List<Map<String, Object>> mounts() {
      return ((List<?>) spec.getOrDefault("volumeMounts", List.of())).stream().map(Manifests::map).toList();
    }

    /** Port name to number. */
    Map<String, Integer> ports() {
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (Object port : (List<?>) spec.getOrDefault("ports", List.of())) {
        ports.put(String.valueOf(map(port).get("name")), ((Number) map(port).get("containerPort")).intValue());
      }
      return ports;
    }

    List<List<String>> execProbes() {
      return probes().values().stream().filter(probe -> probe.containsKey("exec"))
          .map(probe -> strings(map(probe.get("exec")).get("command"))).toList();
    }

    /** Probe name to its {@code httpGet}. */
    Map<String, Object> httpProbes() {
      Map<String, Object> http = new LinkedHashMap<>();
      probes().forEach((name, probe) -> {
        if (probe.containsKey("httpGet")) {
          http.put(name, probe.get("httpGet"));
        }
      });
      return http;
    }

    private Map<String, Map<String, Object>> probes() {
      Map<String, Map<String, Object>> probes = new LinkedHashMap<>();
      for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
        if (spec.containsKey(probe)) {
          probes.put(probe, map(spec.get(probe)));
        }
      }
      return probes;
    }

    @Override
    public String toString() {
      return workload.get("kind") + " " + map(workload.get("metadata")).get("name") + ", container " + name();
    }
  }

  private static List<Map<String, Object>> documents(Path file) throws Exception {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
        if (document != null) {
          documents.add(map(document));
        }
      }
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object yaml) {
    return (Map<String, Object>) yaml;
  }

  static List<String> strings(Object yaml) {
    return ((List<?>) yaml).stream().map(String::valueOf).toList();
  }
}
