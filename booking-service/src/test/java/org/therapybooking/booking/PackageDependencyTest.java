package org.therapybooking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Dependencies between the feature packages of the main sources point one way: no package imports itself back. */
class PackageDependencyTest {

    private static final Path SOURCES = Path.of("src/main/java/org/therapybooking/booking");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.therapybooking\\.booking\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void featurePackagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            path(start, start, uses, new ArrayList<>(List.of(start)), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles; dependencies: " + uses);
    }

    @Test
    void commonDependsOnNoFeature() throws IOException {
        assertEquals(Set.of(), uses().getOrDefault("common", Set.of()));
    }

    private static void path(String start, String at, Map<String, Set<String>> uses, List<String> trail,
            List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", trail) + " -> " + start);
            } else if (!trail.contains(next)) {
                trail.add(next);
                path(start, next, uses, trail, cycles);
                trail.remove(trail.size() - 1);
            }
        }
    }

    /** Package (first level below org.therapybooking.booking) → the packages its sources import. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(read(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(pkg)) {
                        used.add(matcher.group(1));
                    }
                }
            });
        }
        return uses;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
