package org.therapybooking.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The kustomizations the tests render, each rendered once per test JVM. */
enum Rendered {
    DEV("overlays/dev", "therapy-booking-dev", DeploymentRules.Environment.DEV),
    PROD("overlays/prod", "therapy-booking", DeploymentRules.Environment.PROD),
    PROD_WITH_INGRESS("src/test/resources/kustomize/prod-ingress", "therapy-booking", DeploymentRules.Environment.PROD);

    private static final Map<Rendered, List<Manifest>> CACHE = new ConcurrentHashMap<>();

    final String directory;
    final String namespace;
    final DeploymentRules.Environment environment;

    Rendered(String directory, String namespace, DeploymentRules.Environment environment) {
        this.directory = directory;
        this.namespace = namespace;
        this.environment = environment;
    }

    List<Manifest> manifests() {
        return CACHE.computeIfAbsent(this, r -> Manifest.parseAll(Kustomize.render(Kustomize.moduleDir().resolve(r.directory))));
    }

    private static volatile List<Manifest> platformGateway;

    static List<Manifest> platformGateway() {
        if (platformGateway == null) {
            platformGateway = Manifest.parseAll(Kustomize.render(Kustomize.moduleDir().resolve(Path.of("platform", "gateway"))));
        }
        return platformGateway;
    }
}
