package org.therapybooking.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization offline with the kubectl on the PATH (`kubectl kustomize DIR`, no cluster needed). */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 60;

    private Kustomize() {
    }

    /** The module directory (deploy/kubernetes), from the repository root surefire passes in. */
    static Path moduleDir() {
        String root = System.getProperty("project.root");
        Path dir = root != null ? Path.of(root, "deploy", "kubernetes") : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("base"))) {
            throw new IllegalStateException("deploy/kubernetes not found at " + dir + " (system property project.root)");
        }
        return dir;
    }

    static String render(Path kustomizationDir) {
        return render("kubectl", kustomizationDir);
    }

    static String render(String kubectl, Path kustomizationDir) {
        List<String> command = List.of(kubectl, "kustomize", kustomizationDir.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("""
                    kubectl is not on the PATH, but these tests render the manifests with `kubectl kustomize`.
                    Install kubectl 1.27 or newer (it embeds kustomize; no cluster is needed).""", e);
        }
        try {
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + stderr.join());
            }
            return stdout.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running kubectl", e);
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
