package org.therapybooking.meetinglink.support;

import org.therapybooking.meetinglink.common.IsoInstantDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Jackson mappers configured like the service (application.properties: snake_case, ISO dates), for unit tests. */
public final class ServiceMappers {

    private ServiceMappers() {
    }

    public static ObjectMapper serviceLike() {
        return builder().build();
    }

    /** The same mapper reading instants with Jackson's own deserializer, as before IsoInstantDeserializer. */
    public static ObjectMapper withJacksonInstantReader() {
        return builder().annotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Object findDeserializer(Annotated annotated) {
                Object deserializer = super.findDeserializer(annotated);
                return deserializer == IsoInstantDeserializer.class ? null : deserializer;
            }
        }).build();
    }

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
