package org.therapybooking.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validates each object against the schema of its kind: CRD schemas for custom resources, else the Kubernetes model. */
final class SchemaValidator {

    /**
     * Built-in and Gateway API versions served by the Kubernetes (1.29+) and Gateway API (1.3+) releases docs/deploy.md
     * targets. The fabric8 model still knows removed versions (e.g. networking.k8s.io/v1beta1 Ingress), which a
     * current API server would refuse.
     */
    static final Set<String> SERVED_API_VERSIONS = Set.of(
            "v1", "apps/v1", "batch/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1",
            "rbac.authorization.k8s.io/v1", "gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1");

    private final CrdSchemas crdSchemas = new CrdSchemas();
    private final KubernetesModel kubernetesModel = new KubernetesModel();

    List<String> validate(List<Manifest> manifests) {
        List<String> errors = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (manifest.apiVersion().isEmpty() || manifest.kind().isEmpty() || manifest.name().isEmpty()) {
                errors.add(manifest + ": apiVersion, kind and metadata.name are required");
                continue;
            }
            if (crdSchemas.knowsGroup(manifest.group())) {
                errors.addAll(crdSchemas.validate(manifest));
            } else if (!SERVED_API_VERSIONS.contains(manifest.apiVersion())) {
                errors.add(manifest + ": apiVersion " + manifest.apiVersion() + " is not served by current Kubernetes"
                        + " (or has no schema here)");
            } else {
                errors.addAll(kubernetesModel.validate(manifest));
            }
        }
        return errors;
    }
}
