package org.therapybooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The deployment rules of issue 6, checked on a rendered manifest stream. Each violation is one readable line.
 *
 * <ul>
 *   <li>every container: startup, liveness ({@code /q/health/live}) and readiness ({@code /q/health/ready}) probes
 *       on port 8080; cpu and memory requests and limits; non-root, read-only root filesystem with an emptyDir at
 *       /tmp, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp; a pinned image tag</li>
 *   <li>no secret values: no Secret with data, no literal value for a secret-like variable or ConfigMap key, and
 *       database credentials only from the CloudNativePG {@code <cluster>-app} secret of a cluster in the output</li>
 *   <li>gateway: every HTTPRoute/Ingress backend is booking-service, only the six public prefixes and the join links
 *       are routed, all of them are, and CORS (required on every rule but the join links') names explicit origins</li>
 *   <li>network: a default-deny ingress policy; meeting-link-service and notification-service are selected by
 *       policies that admit only pods of their own namespace; every Service is ClusterIP</li>
 *   <li>scaling: HPAs for booking-service and meeting-link-service that target Deployments in the output; PDBs
 *       that select pods in the output</li>
 *   <li>Kafka: KRaft node pools with both roles, every topic on a Kafka of the output; in prod three replicas and
 *       min.insync.replicas 2, persistent storage, at least as many partitions as notification-service replicas</li>
 * </ul>
 */
final class DeploymentRules {

    enum Environment { DEV, PROD }

    static final String ROUTED_SERVICE = "booking-service";
    static final Set<String> PUBLIC_PREFIXES = Set.of(
            "/api/auth", "/api/bookings", "/api/schedules", "/api/admin", "/api/meetings", "/api/payments", "/j");
    /** Pages browsers navigate to (join links): routed like the API, but a rule of only these needs no CORS. */
    static final Set<String> BROWSER_PAGES = Set.of("/j");
    static final Set<String> INTERNAL_SERVICES = Set.of("meeting-link-service", "notification-service");
    /**
     * In-namespace callers booking-service admits besides the gateway: they verify tokens with its JWKS
     * (notification-service's admin API, meeting-link-service's callers); notification-service also gets its service
     * tokens there.
     */
    static final Set<String> JWKS_CALLERS = Set.of("notification-service", "meeting-link-service");
    static final Set<String> AUTOSCALED = Set.of("booking-service", "meeting-link-service");
    static final Set<String> TOPICS = Set.of("booking.events", "booking.events.dlq", "account.events",
            "account.events.dlq");
    static final int CONTAINER_PORT = 8080;

    /** Keys CloudNativePG writes to the {@code <cluster>-app} secret. */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of(
            "username", "user", "password", "host", "port", "dbname", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri",
            "pgpass");

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(PASSWORD|SECRET|PRIVATE_KEY|TOKEN|CREDENTIALS?)$");

    private final Environment environment;

    DeploymentRules(Environment environment) {
        this.environment = environment;
    }

    List<String> check(List<Manifest> manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifest m : manifests) {
            podSpec(m).ifPresent(pod -> checkPod(m, pod, manifests, violations));
            if (m.kind().equals("Deployment")) {
                checkJvmAndShutdown(m, manifests, violations);
                checkKafkaClient(m, manifests, violations);
            }
            switch (m.kind()) {
                case "Secret" -> checkSecret(m, violations);
                case "ConfigMap" -> checkConfigMap(m, violations);
                case "Service" -> checkService(m, violations);
                case "HTTPRoute" -> checkHttpRoute(m, violations);
                case "Ingress" -> checkIngress(m, violations);
                case "HorizontalPodAutoscaler" -> checkHpa(m, manifests, violations);
                case "PodDisruptionBudget" -> checkPdb(m, manifests, violations);
                case "KafkaTopic" -> checkTopic(m, manifests, violations);
                case "KafkaNodePool" -> checkNodePool(m, violations);
                case "KafkaUser" -> checkKafkaUser(m, manifests, violations);
                case "Cluster" -> {
                    checkDatabase(m, violations);
                    checkBackups(m, manifests, violations);
                    checkCustomQueries(m, manifests, violations);
                }
                default -> { }
            }
        }
        checkRoutedPrefixes(manifests, violations);
        checkNamespace(manifests, violations);
        checkNetworkPolicies(manifests, violations);
        checkAutoscalersPresent(manifests, violations);
        checkTopicsPresent(manifests, violations);
        checkExportedAlertTopics(manifests, violations);
        return violations;
    }

    // ---- pods ---------------------------------------------------------------------------------------------------

    private static Optional<JsonNode> podSpec(Manifest m) {
        return switch (m.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                    Optional.of(m.spec().path("template").path("spec"));
            case "CronJob" -> Optional.of(m.spec().path("jobTemplate").path("spec").path("template").path("spec"));
            case "Pod" -> Optional.of(m.spec());
            default -> Optional.empty();
        };
    }

    private void checkPod(Manifest m, JsonNode pod, List<Manifest> all, List<String> violations) {
        JsonNode podSecurity = pod.path("securityContext");
        Map<String, JsonNode> volumes = new HashMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        int initCount = containers.size();
        pod.path("containers").forEach(containers::add);
        if (initCount == containers.size()) {
            violations.add(m + ": no containers");
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            String where = m + " container " + c.path("name").asText("?");
            if (i >= initCount) {
                checkProbes(where, c, violations);
            }
            checkResources(where, c, violations);
            checkSecurity(where, c, podSecurity, volumes, violations);
            checkImage(where, c, violations);
            checkImageSource(where, c, violations);
            checkEnv(where, c, all, violations);
        }
    }

    private static void checkProbes(String where, JsonNode c, List<String> violations) {
        Map<String, String> required = Map.of(
                "startupProbe", "/q/health/",
                "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        required.forEach((probe, path) -> {
            JsonNode httpGet = c.path(probe).path("httpGet");
            if (httpGet.isMissingNode()) {
                violations.add(where + ": no " + probe + " (httpGet on " + path + "*)");
                return;
            }
            String actual = httpGet.path("path").asText("");
            if (!actual.startsWith(path)) {
                violations.add(where + ": " + probe + " path " + actual + " is not " + path + "*");
            }
            if (resolvePort(c, httpGet.path("port")) != CONTAINER_PORT) {
                violations.add(where + ": " + probe + " port " + httpGet.path("port").asText() + " is not " + CONTAINER_PORT);
            }
        });
    }

    private static int resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt(-1);
            }
        }
        return -1;
    }

    private static void checkResources(String where, JsonNode c, List<String> violations) {
        JsonNode resources = c.path("resources");
        for (String section : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (resources.path(section).path(resource).asText("").isEmpty()) {
                    violations.add(where + ": no resources." + section + "." + resource);
                }
            }
        }
        String request = resources.path("requests").path("memory").asText("");
        String limit = resources.path("limits").path("memory").asText("");
        if (request.isEmpty() || limit.isEmpty()) {
            return;
        }
        try {
            if (bytes(limit).compareTo(bytes(request)) < 0) {
                violations.add(where + ": memory limit " + limit + " is below the request " + request);
            }
        } catch (NumberFormatException e) {
            violations.add(where + ": memory " + request + "/" + limit + " is not a Kubernetes quantity");
        }
    }

    /** Memory quantity in bytes (binary Ki..Ei and decimal k..E suffixes). */
    static BigDecimal bytes(String quantity) {
        List<String> binary = List.of("Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
        for (int i = 0; i < binary.size(); i++) {
            if (quantity.endsWith(binary.get(i))) {
                return new BigDecimal(quantity.substring(0, quantity.length() - 2))
                        .multiply(BigDecimal.valueOf(1024).pow(i + 1));
            }
        }
        int decimal = "kMGTPE".indexOf(quantity.charAt(quantity.length() - 1));
        if (decimal >= 0) {
            return new BigDecimal(quantity.substring(0, quantity.length() - 1))
                    .multiply(BigDecimal.valueOf(1000).pow(decimal + 1));
        }
        return new BigDecimal(quantity);
    }

    private static void checkSecurity(String where, JsonNode c, JsonNode podSecurity, Map<String, JsonNode> volumes,
            List<String> violations) {
        JsonNode sc = c.path("securityContext");
        if (!effective(sc, podSecurity, "runAsNonRoot").asBoolean(false)) {
            violations.add(where + ": runAsNonRoot is not true");
        }
        if (effective(sc, podSecurity, "runAsUser").asInt(-1) == 0) {
            violations.add(where + ": runAsUser is 0 (root)");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(where + ": readOnlyRootFilesystem is not true");
        } else if (!hasEmptyDirAt(c, "/tmp", volumes)) {
            violations.add(where + ": read-only root filesystem without an emptyDir mounted at /tmp");
        }
        if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
            violations.add(where + ": allowPrivilegeEscalation is not false");
        }
        boolean dropsAll = false;
        for (JsonNode cap : sc.path("capabilities").path("drop")) {
            dropsAll |= "ALL".equals(cap.asText());
        }
        if (!dropsAll) {
            violations.add(where + ": capabilities do not drop ALL");
        }
        if (sc.path("capabilities").path("add").size() > 0) {
            violations.add(where + ": adds capabilities " + sc.path("capabilities").path("add"));
        }
        String seccomp = effective(sc, podSecurity, "seccompProfile").path("type").asText("");
        if (!Set.of("RuntimeDefault", "Localhost").contains(seccomp)) {
            violations.add(where + ": seccompProfile is not RuntimeDefault");
        }
        if (sc.path("privileged").asBoolean(false)) {
            violations.add(where + ": privileged");
        }
    }

    private static JsonNode effective(JsonNode container, JsonNode pod, String field) {
        return container.has(field) ? container.path(field) : pod.path(field);
    }

    private static boolean hasEmptyDirAt(JsonNode c, String path, Map<String, JsonNode> volumes) {
        for (JsonNode mount : c.path("volumeMounts")) {
            if (path.equals(mount.path("mountPath").asText())) {
                JsonNode volume = volumes.get(mount.path("name").asText());
                return volume != null && volume.has("emptyDir");
            }
        }
        return false;
    }

    private static void checkImage(String where, JsonNode c, List<String> violations) {
        String image = c.path("image").asText("");
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        if (!image.contains("@sha256:") && (!lastSegment.contains(":") || lastSegment.endsWith(":latest"))) {
            violations.add(where + ": image " + image + " is not pinned to a version tag or digest");
        }
    }

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    /** Images come from a named registry (a host with a dot), never Docker Hub; in prod by digest. */
    private void checkImageSource(String where, JsonNode c, List<String> violations) {
        String image = c.path("image").asText("");
        String first = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
        if (!first.contains(".") || first.equals("docker.io") || first.equals("index.docker.io")) {
            violations.add(where + ": image " + image + " resolves to Docker Hub; name the registry");
        }
        if (environment == Environment.PROD && !DIGEST.matcher(image).matches()) {
            violations.add(where + ": image " + image + " is not referenced by digest in prod");
        }
    }

    private void checkEnv(String where, JsonNode c, List<Manifest> all, List<String> violations) {
        for (JsonNode env : c.path("env")) {
            String name = env.path("name").asText();
            if (env.has("value") && SECRET_LIKE.matcher(name).matches() && !env.path("value").asText().isEmpty()) {
                violations.add(where + ": " + name + " has a literal value; secrets must come from a secretKeyRef");
            }
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            String secret = ref.path("name").asText("");
            if (secret.endsWith("-app")) {
                String cluster = secret.substring(0, secret.length() - "-app".length());
                boolean exists = all.stream().anyMatch(m -> m.is("Cluster", cluster)
                        && m.group().equals("postgresql.cnpg.io"));
                if (!exists) {
                    violations.add(where + ": " + name + " reads secret " + secret
                            + " but there is no CloudNativePG Cluster " + cluster);
                } else if (!CNPG_APP_SECRET_KEYS.contains(ref.path("key").asText())) {
                    violations.add(where + ": " + name + " reads key " + ref.path("key").asText() + " that "
                            + secret + " (CloudNativePG) does not have");
                }
            }
        }
    }

    // ---- JVM options and graceful shutdown ------------------------------------------------------------------------

    static final String LOG_MANAGER_FLAG = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    /**
     * JVM options go through the image launcher's variables, never JAVA_OPTS (which drops its heap, GC and
     * container defaults). On SIGTERM the pod must finish within its grace period: preStop sleep, then Quarkus'
     * shutdown delay (readiness DOWN, still serving) and shutdown timeout (in-flight work) add up to less than
     * terminationGracePeriodSeconds.
     */
    private static void checkJvmAndShutdown(Manifest m, List<Manifest> all, List<String> violations) {
        JsonNode pod = m.spec().path("template").path("spec");
        long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
        for (JsonNode c : pod.path("containers")) {
            String where = m + " container " + c.path("name").asText("?");
            Map<String, String> env = environment(c, all);
            if (env.containsKey("JAVA_OPTS")) {
                violations.add(where + ": sets JAVA_OPTS, which replaces the image launcher's options (heap ratio, GC);"
                        + " use JAVA_MAX_MEM_RATIO, GC_CONTAINER_OPTIONS and JAVA_OPTS_APPEND");
            }
            if (!env.containsKey("GC_CONTAINER_OPTIONS")) {
                violations.add(where + ": no GC_CONTAINER_OPTIONS; choose the garbage collector explicitly");
            }
            String append = env.getOrDefault("JAVA_OPTS_APPEND", "");
            if (!append.isEmpty() && !append.contains(LOG_MANAGER_FLAG)) {
                violations.add(where + ": JAVA_OPTS_APPEND replaces the image's value but lacks " + LOG_MANAGER_FLAG);
            }
            long preStop = preStopSleepSeconds(c);
            if (preStop == 0) {
                violations.add(where + ": no preStop sleep; the pod stops before the gateway stops routing to it");
            }
            if (!env.containsKey("QUARKUS_SHUTDOWN_TIMEOUT")) {
                violations.add(where + ": no QUARKUS_SHUTDOWN_TIMEOUT; in-flight requests are cut on SIGTERM");
                continue;
            }
            long delay = "true".equals(env.get("QUARKUS_SHUTDOWN_DELAY_ENABLED"))
                    ? seconds(env.getOrDefault("QUARKUS_SHUTDOWN_DELAY", "0")) : 0;
            long timeout = seconds(env.get("QUARKUS_SHUTDOWN_TIMEOUT"));
            if (preStop + delay + timeout >= grace) {
                violations.add(where + ": preStop " + preStop + " s + shutdown delay " + delay + " s + shutdown timeout "
                        + timeout + " s is not below terminationGracePeriodSeconds " + grace);
            }
        }
    }

    /** The container's environment: ConfigMaps of envFrom (in the manifests), then env values (which win). */
    static Map<String, String> environment(JsonNode c, List<Manifest> all) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode from : c.path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText("");
            all.stream().filter(m -> m.is("ConfigMap", configMap)).findFirst().ifPresent(cm ->
                    cm.node().path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
        }
        for (JsonNode e : c.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : "(from " + e.path("valueFrom") + ")");
        }
        return env;
    }

    static long preStopSleepSeconds(JsonNode c) {
        JsonNode preStop = c.path("lifecycle").path("preStop");
        if (preStop.has("sleep")) {
            return preStop.path("sleep").path("seconds").asLong(0);
        }
        JsonNode command = preStop.path("exec").path("command");
        if (command.size() == 2 && "sleep".equals(command.get(0).asText())) {
            return seconds(command.get(1).asText());
        }
        return 0;
    }

    /** A Quarkus/Go style duration ("5s", "1m", "500ms", "PT5S", or plain seconds), rounded up to seconds. */
    static long seconds(String duration) {
        String d = duration.trim();
        if (d.startsWith("PT") || d.startsWith("pt")) {
            return (long) Math.ceil(java.time.Duration.parse(d).toMillis() / 1000.0);
        }
        if (d.endsWith("ms")) {
            return (long) Math.ceil(Long.parseLong(d.substring(0, d.length() - 2)) / 1000.0);
        }
        if (d.endsWith("s")) {
            return Long.parseLong(d.substring(0, d.length() - 1));
        }
        if (d.endsWith("m")) {
            return Long.parseLong(d.substring(0, d.length() - 1)) * 60;
        }
        return Long.parseLong(d);
    }

    // ---- secrets and config -------------------------------------------------------------------------------------

    private static void checkSecret(Manifest m, List<String> violations) {
        if (m.node().path("data").size() > 0 || m.node().path("stringData").size() > 0) {
            violations.add(m + ": Secret with data in the manifests; create secrets out of band (docs/deploy.md)");
        }
    }

    private static void checkConfigMap(Manifest m, List<String> violations) {
        m.node().path("data").fieldNames().forEachRemaining(key -> {
            if (SECRET_LIKE.matcher(key).matches() && !m.node().path("data").path(key).asText().isEmpty()) {
                violations.add(m + ": " + key + " looks like a secret; it belongs in a Secret, not a ConfigMap");
            }
        });
    }

    private static void checkService(Manifest m, List<String> violations) {
        String type = m.spec().path("type").asText("ClusterIP");
        if (!"ClusterIP".equals(type)) {
            violations.add(m + ": type " + type + "; traffic from outside enters through the gateway only");
        }
    }

    // ---- gateway ------------------------------------------------------------------------------------------------

    /** A route whose every rule only redirects to https (no backends): it serves nothing. */
    static boolean isHttpsRedirect(Manifest m) {
        if (!m.kind().equals("HTTPRoute") || m.spec().path("rules").isEmpty()) {
            return false;
        }
        for (JsonNode rule : m.spec().path("rules")) {
            JsonNode filters = rule.path("filters");
            if (rule.has("backendRefs") || filters.size() != 1
                    || !"RequestRedirect".equals(filters.get(0).path("type").asText())
                    || !"https".equals(filters.get(0).path("requestRedirect").path("scheme").asText())) {
                return false;
            }
        }
        return true;
    }

    private static void checkHttpRoute(Manifest m, List<String> violations) {
        if (isHttpsRedirect(m)) {
            return;
        }
        int ruleIndex = 0;
        for (JsonNode rule : m.spec().path("rules")) {
            String where = m + " rule " + ruleIndex++;
            if (rule.path("backendRefs").isEmpty()) {
                violations.add(where + ": no backendRefs");
            }
            for (JsonNode backend : rule.path("backendRefs")) {
                String kind = backend.path("kind").asText("Service");
                String name = backend.path("name").asText();
                if (!"Service".equals(kind) || !ROUTED_SERVICE.equals(name)) {
                    violations.add(where + ": routes to " + kind + " " + name + "; only " + ROUTED_SERVICE + " is public");
                }
            }
            for (JsonNode filter : rule.path("filters")) {
                JsonNode mirror = filter.path("requestMirror").path("backendRef");
                if (!mirror.isMissingNode() && !ROUTED_SERVICE.equals(mirror.path("name").asText())) {
                    violations.add(where + ": mirrors to " + mirror.path("name").asText() + "; only " + ROUTED_SERVICE
                            + " is public");
                }
            }
            for (JsonNode match : rule.path("matches")) {
                String path = match.path("path").path("value").asText("/");
                if (!PUBLIC_PREFIXES.contains(path)) {
                    violations.add(where + ": routes path " + path + ", not one of " + sorted(PUBLIC_PREFIXES));
                }
            }
            // a rule of join links only is fine without CORS; every other rule needs it
            boolean cors = !rule.path("matches").isEmpty();
            for (JsonNode match : rule.path("matches")) {
                cors &= BROWSER_PAGES.contains(match.path("path").path("value").asText("/"));
            }
            for (JsonNode filter : rule.path("filters")) {
                if ("CORS".equals(filter.path("type").asText())) {
                    cors = true;
                    checkOrigins(where, filter.path("cors").path("allowOrigins"), violations);
                    if (filter.path("cors").has("allowCredentials")) {
                        violations.add(where + ": CORS allowCredentials is set; leave it out (tokens travel in the"
                                + " Authorization header, and the Gateway API 1.3 experimental CRD refuses false)");
                    }
                }
            }
            if (!cors) {
                violations.add(where + ": no CORS filter for the frontend origin");
            }
        }
    }

    private static void checkOrigins(String where, JsonNode origins, List<String> violations) {
        if (origins.isEmpty()) {
            violations.add(where + ": CORS without allowed origins");
        }
        for (JsonNode origin : origins) {
            if (origin.asText().contains("*")) {
                violations.add(where + ": CORS origin " + origin.asText() + " is a wildcard");
            }
        }
    }

    private static void checkIngress(Manifest m, List<String> violations) {
        List<JsonNode> backends = new ArrayList<>();
        if (m.spec().has("defaultBackend")) {
            backends.add(m.spec().path("defaultBackend"));
        }
        for (JsonNode rule : m.spec().path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                backends.add(path.path("backend"));
                if (!PUBLIC_PREFIXES.contains(path.path("path").asText("/"))) {
                    violations.add(m + ": routes path " + path.path("path").asText("/") + ", not one of "
                            + sorted(PUBLIC_PREFIXES));
                }
            }
        }
        for (JsonNode backend : backends) {
            String service = backend.path("service").path("name").asText("");
            if (!ROUTED_SERVICE.equals(service)) {
                violations.add(m + ": backend " + (service.isEmpty() ? backend.toString() : service)
                        + "; only " + ROUTED_SERVICE + " is public");
            }
        }
        JsonNode annotations = m.node().path("metadata").path("annotations");
        String origin = annotations.path("nginx.ingress.kubernetes.io/cors-allow-origin").asText("");
        if (!"true".equals(annotations.path("nginx.ingress.kubernetes.io/enable-cors").asText())) {
            violations.add(m + ": CORS is not enabled for the frontend origin");
        } else if (origin.isEmpty() || origin.contains("*")) {
            violations.add(m + ": CORS origin '" + origin + "' is empty or a wildcard");
        }
    }

    private static void checkRoutedPrefixes(List<Manifest> all, List<String> violations) {
        Set<String> routed = new HashSet<>();
        boolean anyRoute = false;
        boolean redirect = false;
        for (Manifest m : all) {
            if (isHttpsRedirect(m)) {
                redirect = true;
            } else if (m.kind().equals("HTTPRoute")) {
                anyRoute = true;
                m.spec().path("rules").forEach(r -> r.path("matches").forEach(
                        match -> routed.add(match.path("path").path("value").asText("/"))));
            } else if (m.kind().equals("Ingress")) {
                anyRoute = true;
                m.spec().path("rules").forEach(r -> r.path("http").path("paths").forEach(
                        p -> routed.add(p.path("path").asText("/"))));
            }
        }
        if (!anyRoute) {
            violations.add("no HTTPRoute or Ingress: booking-service is not reachable through the gateway");
            return;
        }
        boolean gatewayApi = all.stream().anyMatch(m -> m.kind().equals("HTTPRoute"));
        if (gatewayApi && !redirect) {
            violations.add("no HTTPRoute redirecting plain HTTP to https (RequestRedirect scheme https)");
        }
        Set<String> missing = new LinkedHashSet<>(sorted(PUBLIC_PREFIXES));
        missing.removeAll(routed);
        if (!missing.isEmpty()) {
            violations.add("public paths without a route: " + missing);
        }
    }

    /**
     * Every hostname of every HTTPRoute is served by the listener its parentRef names, and for HTTPS that listener's
     * hostname is one a certificate can carry for it: the same name, or a wildcard for exactly one more label
     * (X.509: *.therapy-booking.example does not cover api.dev.therapy-booking.example).
     */
    static List<String> certificateGaps(List<Manifest> gateways, List<Manifest> routes) {
        List<String> gaps = new ArrayList<>();
        for (Manifest route : routes.stream().filter(m -> m.kind().equals("HTTPRoute")).toList()) {
            for (JsonNode parent : route.spec().path("parentRefs")) {
                Optional<Manifest> gateway = gateways.stream()
                        .filter(g -> g.is("Gateway", parent.path("name").asText())).findFirst();
                if (gateway.isEmpty()) {
                    gaps.add(route + ": parent Gateway " + parent.path("name").asText() + " is not in the platform");
                    continue;
                }
                JsonNode listener = null;
                for (JsonNode l : gateway.get().spec().path("listeners")) {
                    if (l.path("name").asText().equals(parent.path("sectionName").asText())) {
                        listener = l;
                    }
                }
                if (listener == null) {
                    gaps.add(route + ": no listener " + parent.path("sectionName").asText("(unset)") + " on "
                            + gateway.get());
                    continue;
                }
                boolean https = "HTTPS".equals(listener.path("protocol").asText());
                if (!https && !isHttpsRedirect(route)) {
                    gaps.add(route + ": served on plain " + listener.path("protocol").asText() + " listener "
                            + listener.path("name").asText());
                }
                if (https && listener.path("tls").path("certificateRefs").isEmpty()) {
                    gaps.add(route + ": listener " + listener.path("name").asText() + " has no certificate");
                }
                for (JsonNode host : route.spec().path("hostnames")) {
                    String name = listener.path("hostname").asText("");
                    if (https && !certificateCovers(name, host.asText())) {
                        gaps.add(route + ": host " + host.asText() + " is not covered by listener "
                                + listener.path("name").asText() + " (" + (name.isEmpty() ? "no hostname" : name)
                                + ") and its certificate");
                    }
                }
            }
        }
        return gaps;
    }

    static boolean certificateCovers(String certificateName, String host) {
        if (certificateName.startsWith("*.")) {
            String suffix = certificateName.substring(1);
            return host.endsWith(suffix) && host.indexOf('.') == host.length() - suffix.length();
        }
        return certificateName.equals(host);
    }

    // ---- namespace ----------------------------------------------------------------------------------------------

    private static void checkNamespace(List<Manifest> all, List<String> violations) {
        List<Manifest> namespaces = all.stream().filter(m -> m.kind().equals("Namespace")).toList();
        if (namespaces.isEmpty()) {
            violations.add("no Namespace: the namespace and its Pod Security labels belong to the manifests");
        }
        for (Manifest ns : namespaces) {
            JsonNode labels = ns.node().path("metadata").path("labels");
            for (String mode : List.of("enforce", "audit", "warn")) {
                String level = labels.path("pod-security.kubernetes.io/" + mode).asText("");
                if (!"restricted".equals(level)) {
                    violations.add(ns + ": pod-security.kubernetes.io/" + mode + " is '" + level + "', not restricted");
                }
            }
        }
    }

    // ---- network ------------------------------------------------------------------------------------------------

    private static void checkNetworkPolicies(List<Manifest> all, List<String> violations) {
        List<Manifest> policies = all.stream().filter(m -> m.kind().equals("NetworkPolicy")).toList();
        boolean defaultDeny = policies.stream().anyMatch(p -> p.spec().path("podSelector").isEmpty()
                && contains(p.spec().path("policyTypes"), "Ingress") && p.spec().path("ingress").isEmpty());
        if (!defaultDeny) {
            violations.add("no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)");
        }
        checkGatewayOnly(all, policies, violations);
        for (String service : sorted(INTERNAL_SERVICES)) {
            Optional<Map<String, String>> labels = podLabels(all, service);
            if (labels.isEmpty()) {
                violations.add("no Deployment " + service);
                continue;
            }
            List<Manifest> selecting = policies.stream()
                    .filter(p -> contains(p.spec().path("policyTypes"), "Ingress") || p.spec().has("ingress"))
                    .filter(p -> selects(p.spec().path("podSelector"), labels.get()))
                    .toList();
            if (selecting.stream().noneMatch(p -> !p.spec().path("podSelector").isEmpty())) {
                violations.add(service + " is not selected by a NetworkPolicy of its own");
            }
            for (Manifest policy : selecting) {
                int i = 0;
                for (JsonNode rule : policy.spec().path("ingress")) {
                    String where = policy + " ingress " + i++ + " (selects " + service + ")";
                    if (rule.path("from").isEmpty()) {
                        violations.add(where + ": admits every source; " + service + " admits only in-cluster callers");
                    }
                    for (JsonNode peer : rule.path("from")) {
                        if (isPrometheus(peer, rule)) {
                            continue;
                        }
                        if (peer.has("namespaceSelector") || peer.has("ipBlock") || !peer.has("podSelector")) {
                            violations.add(where + ": peer " + peer + " is not a pod of this namespace; " + service
                                    + " admits only in-cluster callers");
                        }
                    }
                }
            }
        }
    }

    static final String MONITORING_NAMESPACE = "monitoring";

    /**
     * Prometheus' own pods in its namespace (not the whole namespace: Grafana and Alertmanager run there too), on the
     * HTTP port only (where /q/metrics is served).
     */
    private static boolean isPrometheus(JsonNode peer, JsonNode rule) {
        boolean namespace = MONITORING_NAMESPACE.equals(peer.path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText()) && !peer.has("ipBlock")
                && "prometheus".equals(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name")
                        .asText());
        boolean metricsPortOnly = rule.path("ports").size() == 1
                && rule.path("ports").get(0).path("port").asInt() == CONTAINER_PORT;
        return namespace && metricsPortOnly;
    }

    /** booking-service admits only the gateway namespace, and the JWKS callers' own pods in its namespace. */
    private static void checkGatewayOnly(List<Manifest> all, List<Manifest> policies, List<String> violations) {
        Optional<Map<String, String>> labels = podLabels(all, ROUTED_SERVICE);
        if (labels.isEmpty()) {
            violations.add("no Deployment " + ROUTED_SERVICE);
            return;
        }
        for (Manifest policy : policies) {
            if (!selects(policy.spec().path("podSelector"), labels.get())) {
                continue;
            }
            for (JsonNode rule : policy.spec().path("ingress")) {
                if (rule.path("from").isEmpty()) {
                    violations.add(policy + ": admits every source to " + ROUTED_SERVICE + "; only the gateway may");
                }
                for (JsonNode peer : rule.path("from")) {
                    String namespace = peer.path("namespaceSelector").path("matchLabels")
                            .path("kubernetes.io/metadata.name").asText("");
                    String internalCaller = peer.has("namespaceSelector") ? "" : peer.path("podSelector")
                            .path("matchLabels").path("app.kubernetes.io/name").asText("");
                    if (JWKS_CALLERS.contains(internalCaller) && !peer.has("ipBlock")) {
                        continue;
                    }
                    if (namespace.isEmpty() || peer.has("ipBlock")) {
                        violations.add(policy + ": peer " + peer + " is not the gateway namespace; only the gateway"
                                + " may reach " + ROUTED_SERVICE);
                    }
                }
            }
        }
    }

    private static Optional<Map<String, String>> podLabels(List<Manifest> all, String deployment) {
        return all.stream().filter(m -> m.is("Deployment", deployment)).findFirst().map(m -> {
            Map<String, String> labels = new HashMap<>();
            m.spec().path("template").path("metadata").path("labels").fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return labels;
        });
    }

    /** matchLabels semantics; a selector with matchExpressions is treated as selecting (conservative for checks). */
    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        Iterator<Map.Entry<String, JsonNode>> required = selector.path("matchLabels").fields();
        while (required.hasNext()) {
            Map.Entry<String, JsonNode> label = required.next();
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    // ---- scaling ------------------------------------------------------------------------------------------------

    private static void checkHpa(Manifest m, List<Manifest> all, List<String> violations) {
        JsonNode target = m.spec().path("scaleTargetRef");
        if (all.stream().noneMatch(d -> d.is(target.path("kind").asText(), target.path("name").asText()))) {
            violations.add(m + ": scaleTargetRef " + target.path("kind").asText() + "/" + target.path("name").asText()
                    + " is not in the manifests");
        }
        if (m.spec().path("minReplicas").asInt(1) > m.spec().path("maxReplicas").asInt()) {
            violations.add(m + ": minReplicas above maxReplicas");
        }
    }

    private static void checkAutoscalersPresent(List<Manifest> all, List<String> violations) {
        for (String deployment : sorted(AUTOSCALED)) {
            boolean scaled = all.stream().anyMatch(m -> m.kind().equals("HorizontalPodAutoscaler")
                    && m.spec().path("scaleTargetRef").path("name").asText().equals(deployment));
            if (!scaled) {
                violations.add("no HorizontalPodAutoscaler for " + deployment);
            }
        }
    }

    private static void checkPdb(Manifest m, List<Manifest> all, List<String> violations) {
        JsonNode selector = m.spec().path("selector");
        boolean matches = all.stream().filter(d -> d.kind().equals("Deployment"))
                .map(d -> podLabels(all, d.name()).orElse(Map.of()))
                .anyMatch(labels -> !selector.path("matchLabels").isEmpty() && selects(selector, labels));
        if (!matches) {
            violations.add(m + ": selector matches no Deployment's pods");
        }
    }

    // ---- Kafka and PostgreSQL -----------------------------------------------------------------------------------

    private void checkTopic(Manifest m, List<Manifest> all, List<String> violations) {
        String cluster = m.node().path("metadata").path("labels").path("strimzi.io/cluster").asText("");
        if (all.stream().noneMatch(k -> k.is("Kafka", cluster))) {
            violations.add(m + ": label strimzi.io/cluster '" + cluster + "' names no Kafka in the manifests");
        }
        if (environment == Environment.PROD) {
            int replicas = m.spec().path("replicas").asInt(0);
            if (replicas < 3) {
                violations.add(m + ": replicas " + replicas + " in prod; at least 3 so one broker can fail");
            }
            JsonNode minIsr = m.spec().path("config").path("min.insync.replicas");
            if (minIsr.asInt(0) < 2) {
                violations.add(m + ": min.insync.replicas " + minIsr.asText("unset") + " in prod; at least 2");
            }
            if ("booking.events".equals(topicName(m))) {
                int partitions = m.spec().path("partitions").asInt(0);
                int consumers = all.stream().filter(d -> d.is("Deployment", "notification-service"))
                        .mapToInt(d -> d.spec().path("replicas").asInt(1)).max().orElse(0);
                if (partitions < consumers) {
                    violations.add(m + ": " + partitions + " partitions for " + consumers
                            + " notification-service replicas; the extra consumers would sit idle");
                }
            }
        }
    }

    private static String topicName(Manifest m) {
        return m.spec().path("topicName").asText(m.name());
    }

    private static void checkTopicsPresent(List<Manifest> all, List<String> violations) {
        Set<String> declared = new HashSet<>();
        all.stream().filter(m -> m.kind().equals("KafkaTopic")).forEach(m -> declared.add(topicName(m)));
        for (String topic : sorted(TOPICS)) {
            if (!declared.contains(topic)) {
                violations.add("no KafkaTopic " + topic);
            }
        }
        for (Manifest kafka : all.stream().filter(m -> m.kind().equals("Kafka")).toList()) {
            checkKafka(kafka, violations);
        }
    }

    /** Every listener encrypted and authenticated, simple authorization, zone-aware replica placement, metrics. */
    private static void checkKafka(Manifest kafka, List<String> violations) {
        JsonNode spec = kafka.spec().path("kafka");
        for (JsonNode listener : spec.path("listeners")) {
            String name = listener.path("name").asText();
            if (!listener.path("tls").asBoolean(false)) {
                violations.add(kafka + ": listener " + name + " is plaintext; clients connect over TLS");
            }
            if (!Set.of("scram-sha-512", "tls").contains(listener.path("authentication").path("type").asText())) {
                violations.add(kafka + ": listener " + name + " does not authenticate clients (scram-sha-512 or tls)");
            }
        }
        if (!"simple".equals(spec.path("authorization").path("type").asText())) {
            violations.add(kafka + ": no simple authorization; every authenticated client could use every topic");
        }
        if (!"topology.kubernetes.io/zone".equals(spec.path("rack").path("topologyKey").asText())) {
            violations.add(kafka + ": no rack awareness on topology.kubernetes.io/zone");
        }
        if (spec.path("metricsConfig").isMissingNode() || kafka.spec().path("kafkaExporter").isMissingNode()) {
            violations.add(kafka + ": no broker metrics (metricsConfig) or Kafka Exporter (consumer lag)");
        }
    }

    /** ACLs name single topics and groups with limited operations: no wildcard, prefix or All. */
    private static void checkKafkaUser(Manifest m, List<Manifest> all, List<String> violations) {
        String cluster = m.node().path("metadata").path("labels").path("strimzi.io/cluster").asText("");
        if (all.stream().noneMatch(k -> k.is("Kafka", cluster))) {
            violations.add(m + ": label strimzi.io/cluster '" + cluster + "' names no Kafka in the manifests");
        }
        JsonNode acls = m.spec().path("authorization").path("acls");
        if (acls.isEmpty()) {
            violations.add(m + ": no ACLs");
        }
        for (JsonNode acl : acls) {
            JsonNode resource = acl.path("resource");
            String name = resource.path("name").asText("");
            if (name.isEmpty() || name.contains("*") || "prefix".equals(resource.path("patternType").asText())
                    || "cluster".equals(resource.path("type").asText())) {
                violations.add(m + ": ACL on " + resource + " is not limited to one topic or group");
            }
            for (JsonNode op : acl.path("operations")) {
                if (Set.of("All", "Alter", "AlterConfigs", "Delete", "Create", "ClusterAction").contains(op.asText())) {
                    violations.add(m + ": ACL grants " + op.asText() + " on " + name);
                }
            }
        }
    }

    /** A Kafka client (KAFKA_BOOTSTRAP_SERVERS) uses SASL_SSL with the JAAS line of a KafkaUser in the manifests. */
    private static void checkKafkaClient(Manifest m, List<Manifest> all, List<String> violations) {
        for (JsonNode c : m.spec().path("template").path("spec").path("containers")) {
            Map<String, String> env = environment(c, all);
            if (!env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                continue;
            }
            String where = m + " container " + c.path("name").asText("?");
            if (!"SASL_SSL".equals(env.get("KAFKA_SECURITY_PROTOCOL"))) {
                violations.add(where + ": KAFKA_SECURITY_PROTOCOL is " + env.get("KAFKA_SECURITY_PROTOCOL")
                        + ", not SASL_SSL");
            }
            String user = "";
            for (JsonNode e : c.path("env")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if ("KAFKA_SASL_JAAS_CONFIG".equals(e.path("name").asText()) && "sasl.jaas.config".equals(ref.path("key").asText())) {
                    user = ref.path("name").asText();
                }
            }
            String kafkaUser = user;
            if (all.stream().noneMatch(u -> u.is("KafkaUser", kafkaUser))) {
                violations.add(where + ": KAFKA_SASL_JAAS_CONFIG does not come from the secret of a KafkaUser in the"
                        + " manifests (key sasl.jaas.config)");
            }
            if (!"PEM".equals(env.get("KAFKA_SSL_TRUSTSTORE_TYPE")) || !env.containsKey("KAFKA_SSL_TRUSTSTORE_LOCATION")) {
                violations.add(where + ": no PEM truststore (the cluster CA) for the TLS listener");
            }
        }
    }

    private void checkNodePool(Manifest m, List<String> violations) {
        Set<String> roles = new HashSet<>();
        m.spec().path("roles").forEach(r -> roles.add(r.asText()));
        if (!roles.containsAll(Set.of("controller", "broker"))) {
            violations.add(m + ": roles " + roles + "; this deployment runs combined controller+broker nodes");
        }
        if (environment == Environment.PROD) {
            if (m.spec().path("replicas").asInt(0) < 3) {
                violations.add(m + ": fewer than 3 nodes in prod (KRaft quorum and replication need 3)");
            }
            if ("ephemeral".equals(m.spec().path("storage").path("type").asText())) {
                violations.add(m + ": ephemeral storage in prod");
            }
            JsonNode pod = m.spec().path("template").path("pod");
            if (pod.path("affinity").path("podAntiAffinity").isMissingNode()
                    && pod.path("topologySpreadConstraints").isEmpty()) {
                violations.add(m + ": nothing spreads the brokers over nodes and zones (pod anti-affinity, topology spread)");
            }
        }
    }

    private void checkDatabase(Manifest m, List<String> violations) {
        if (environment == Environment.PROD && m.spec().path("instances").asInt(1) < 3) {
            violations.add(m + ": fewer than 3 PostgreSQL instances in prod (one primary, two standbys)");
        }
    }

    /**
     * The exporter's custom queries (spec.monitoring.customQueriesConfigMap) name only this cluster's own database: a
     * query for a database the cluster does not have fails on every scrape, and its metric is never there.
     */
    private static void checkCustomQueries(Manifest m, List<Manifest> all, List<String> violations) {
        String database = m.spec().path("bootstrap").path("initdb").path("database").asText("");
        for (JsonNode ref : m.spec().path("monitoring").path("customQueriesConfigMap")) {
            String name = ref.path("name").asText();
            String key = ref.path("key").asText();
            Optional<Manifest> map = all.stream().filter(c -> c.is("ConfigMap", name)).findFirst();
            String queries = map.map(c -> c.node().path("data").path(key).asText(null)).orElse(null);
            if (queries == null) {
                violations.add(m + ": custom queries ConfigMap/" + name + " key " + key + " is not in the manifests");
                continue;
            }
            try {
                Manifest.YAML.readTree(queries).fields().forEachRemaining(query -> {
                    for (JsonNode target : query.getValue().path("target_databases")) {
                        if (!target.asText().equals(database)) {
                            violations.add(m + ": custom query " + query.getKey() + " targets database "
                                    + target.asText() + ", which is not this cluster's database " + database);
                        }
                    }
                });
            } catch (IOException e) {
                violations.add(m + ": custom queries ConfigMap/" + name + " key " + key + " is not YAML: " + e);
            }
        }
    }

    private static final Pattern ALERT_TOPIC = Pattern.compile("topic=~?\"([^\"]+)\"");

    /** Every topic an alert reads Kafka Exporter metrics for is one the exporter exports (kafkaExporter.topicRegex). */
    private static void checkExportedAlertTopics(List<Manifest> all, List<String> violations) {
        Map<String, String> alertByTopic = new TreeMap<>();
        all.stream().filter(m -> m.kind().equals("PrometheusRule"))
                .flatMap(rules -> elements(rules.spec().path("groups")))
                .flatMap(group -> elements(group.path("rules")))
                .filter(rule -> rule.path("expr").asText("").contains("kafka_"))
                .forEach(rule -> ALERT_TOPIC.matcher(rule.path("expr").asText()).results()
                        .flatMap(match -> Arrays.stream(match.group(1).split("\\|")))
                        .forEach(topic -> alertByTopic.put(topic, rule.path("alert").asText())));
        for (Manifest kafka : all.stream().filter(m -> m.kind().equals("Kafka")).toList()) {
            JsonNode exporter = kafka.spec().path("kafkaExporter");
            Pattern exported = Pattern.compile(exporter.path("topicRegex").asText(".*"));
            alertByTopic.forEach((topic, alert) -> {
                if (exporter.isMissingNode() || !exported.matcher(topic).find()) {
                    violations.add(kafka + ": kafkaExporter does not export topic " + topic + " that alert " + alert
                            + " reads");
                }
            });
        }
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static final Pattern PINNED_POSTGRES = Pattern.compile(".+:\\d+\\.\\d+[^@]*(@sha256:[0-9a-f]{64})?");

    /** Pinned PostgreSQL image; WAL archived by the Barman Cloud plugin to an ObjectStore; a plugin ScheduledBackup. */
    private static void checkBackups(Manifest m, List<Manifest> all, List<String> violations) {
        String image = m.spec().path("imageName").asText("");
        if (!PINNED_POSTGRES.matcher(image).matches()) {
            violations.add(m + ": imageName '" + image + "' is not pinned to a full PostgreSQL version");
        }
        if (m.spec().path("bootstrap").has("recovery")) {
            return;
        }
        String store = null;
        for (JsonNode plugin : m.spec().path("plugins")) {
            if ("barman-cloud.cloudnative-pg.io".equals(plugin.path("name").asText())
                    && plugin.path("isWALArchiver").asBoolean(false)) {
                store = plugin.path("parameters").path("barmanObjectName").asText();
            }
        }
        String objectStore = store;
        if (store == null) {
            violations.add(m + ": no WAL archiving (Barman Cloud plugin with isWALArchiver)");
        } else if (all.stream().noneMatch(o -> o.is("ObjectStore", objectStore))) {
            violations.add(m + ": barmanObjectName " + store + " names no ObjectStore in the manifests");
        }
        boolean scheduled = all.stream().anyMatch(b -> b.kind().equals("ScheduledBackup")
                && b.spec().path("cluster").path("name").asText().equals(m.name())
                && "plugin".equals(b.spec().path("method").asText()));
        if (!scheduled) {
            violations.add(m + ": no ScheduledBackup with method plugin");
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
