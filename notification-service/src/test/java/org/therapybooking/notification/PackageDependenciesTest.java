package org.therapybooking.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies between the service's packages point one way: reads the {@code import} lines of the main sources
 * and fails on any cycle between packages.
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/org/therapybooking/notification");
    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?org\\.therapybooking\\.notification\\.([a-z0-9_]+)\\.", Pattern.MULTILINE);

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** Every cycle found by a depth-first search, as the package path that closes it. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> cycles = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            visit(start, graph, new ArrayDeque<>(), done, cycles);
        }
        return cycles;
    }

    private static void visit(String node, Map<String, Set<String>> graph, Deque<String> path, Set<String> done,
            List<String> cycles) {
        if (path.contains(node)) {
            List<String> loop = new ArrayList<>(path);
            java.util.Collections.reverse(loop);
            cycles.add(String.join(" -> ", loop.subList(loop.indexOf(node), loop.size())) + " -> " + node);
            return;
        }
        if (done.contains(node)) {
            return;
        }
        path.push(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            visit(next, graph, path, done, cycles);
        }
        path.pop();
        done.add(node);
    }

    @Test
    void packagesDependOnEachOtherOneWayOnly() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.size() > 5, "the scan found the service's packages: " + graph.keySet());
        assertEquals(List.of(), cycles(graph), "package cycles in " + graph);
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(1, cycles(new TreeMap<>(graph)).size());
    }

    @Test
    void commonDependsOnNoFeature() throws IOException {
        assertEquals(Set.of(), dependencies().getOrDefault("common", Set.of()));
    }
}
