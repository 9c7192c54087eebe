package org.therapybooking.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Field paths in problems name fields the way the JSON does: snake_case, dotted, with list indexes. */
class FieldPathTest {

    record Participant(@NotBlank String firstName) {
    }

    record Request(@NotNull Long scheduleId, @Valid Participant participant, List<@Valid Participant> others) {
    }

    static class Resource {
        public void create(@Valid @NotNull Request request) {
        }

        public void list(@NotNull String timeZone) {
        }
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void nestedPropertiesAreSnakeCaseAndDotted() throws Exception {
        Request request = new Request(null, new Participant(" "), List.of(new Participant("Ann"), new Participant("")));
        Set<String> paths = paths(Resource.class.getMethod("create", Request.class), request);
        assertEquals(Set.of("schedule_id", "participant.first_name", "others[1].first_name"), paths);
    }

    @Test
    void aViolatedParameterNamesTheParameter() throws Exception {
        assertEquals(Set.of("time_zone"), paths(Resource.class.getMethod("list", String.class), (Object) null));
    }

    @Test
    void snakeCaseKeepsLowerCaseNamesAndSplitsCamelCase() {
        assertEquals("starts_at", ProblemMappers.snakeCase("startsAt"));
        assertEquals("new_schedule_id", ProblemMappers.snakeCase("newScheduleId"));
        assertEquals("email", ProblemMappers.snakeCase("email"));
    }

    private Set<String> paths(Method method, Object... args) {
        Set<ConstraintViolation<Resource>> violations = validator.forExecutables()
                .validateParameters(new Resource(), method, args);
        return violations.stream().map(v -> ProblemMappers.fieldPath(v.getPropertyPath()))
                .collect(java.util.stream.Collectors.toSet());
    }
}
