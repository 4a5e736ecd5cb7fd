package io.mcpgateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure, read by the JDK's jdeps from the compiled classes: imports point down
 * only (no cycles), and everything that differs between databases stays in its vendor's package.
 */
class PackageStructureTest {

  private static final String BASE = "io.mcpgateway.bootstrap";
  private static final Pattern EDGE = Pattern.compile("\\s+(io\\.mcpgateway\\.bootstrap\\S*)\\s+->\\s+(io\\.mcpgateway\\.bootstrap\\S*)\\s.*");
  private static final Map<String, Set<String>> IMPORTS = new TreeMap<>();

  @BeforeAll
  static void readTheCompiledClasses() {
    Path classes = Path.of("target", "classes");
    assertTrue(Files.isDirectory(classes), "compile first: " + classes.toAbsolutePath());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    int code = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", classes.toString());
    assertEquals(0, code, out.toString());
    for (String line : out.toString().split("\\R")) {
      Matcher edge = EDGE.matcher(line);
      if (edge.matches() && !edge.group(1).equals(edge.group(2))) {
        IMPORTS.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
      }
    }
    assertTrue(IMPORTS.size() > 5, "jdeps found the packages: " + IMPORTS.keySet());
  }

  @Test
  void noPackageImportsOneThatImportsItBack() {
    assertEquals(List.of(), cycles());
  }

  @Test
  void onlyAVendorsOwnPackageKnowsTheVendor() {
    Map<String, Set<String>> leaks = new TreeMap<>();
    IMPORTS.forEach((from, targets) -> targets.stream()
        .filter(target -> isVendorPackage(target) && !from.startsWith(target))
        .forEach(target -> leaks.computeIfAbsent(from, f -> new TreeSet<>()).add(target)));
    assertEquals(Map.of(), leaks, "packages outside db.<vendor> that import a vendor package");
  }

  @Test
  void theDatabaseInterfaceDependsOnNothingButTheErrorType() {
    assertEquals(Set.of(BASE + ".error"), IMPORTS.getOrDefault(BASE + ".db", Set.of()));
  }

  @Test
  void theStartUpTuningIsUsedByTheCommandLineAlone() {
    IMPORTS.forEach((from, targets) -> {
      if (targets.contains(BASE + ".launch")) {
        assertEquals(BASE + ".cli", from, from + " imports the one-shot tuning");
      }
    });
  }

  private static boolean isVendorPackage(String name) {
    return name.startsWith(BASE + ".db.");
  }

  /** Tarjan's strongly connected components of more than one package. */
  private static List<Set<String>> cycles() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    List<String> stack = new ArrayList<>();
    List<Set<String>> found = new ArrayList<>();
    for (String node : IMPORTS.keySet()) {
      if (!index.containsKey(node)) {
        visit(node, index, low, stack, found);
      }
    }
    return found;
  }

  private static void visit(String node, Map<String, Integer> index, Map<String, Integer> low, List<String> stack,
                            List<Set<String>> found) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.add(node);
    for (String next : IMPORTS.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        visit(next, index, low, stack, found);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (stack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.remove(stack.size() - 1);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }
}
