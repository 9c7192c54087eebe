package org.therapybooking.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The CEL rules of the vendored CRDs are really evaluated: only transition rules (update-only) are left out. */
class CelRulesTest {

    @Test
    void everyRuleOfTheVendoredCrdsIsEvaluatedExceptTransitionRules() {
        Map<String, Set<String>> byKind = new CrdSchemas().celRulesByKind();
        Set<String> notEvaluated = new TreeSet<>();
        byKind.values().forEach(rules -> rules.stream().filter(r -> !CelRules.evaluable(r)).forEach(notEvaluated::add));
        assertEquals(Set.of("self == oldSelf"), notEvaluated);
        assertTrue(byKind.get("gateway.networking.k8s.io/v1/HTTPRoute").size() > 40, byKind.keySet().toString());
        assertTrue(byKind.get("gateway.networking.k8s.io/v1/Gateway").size() > 10);
        assertTrue(byKind.get("barmancloud.cnpg.io/v1/ObjectStore").size() > 0);
        assertTrue(byKind.get("kafka.strimzi.io/v1/KafkaUser").size() > 0);
    }
}
