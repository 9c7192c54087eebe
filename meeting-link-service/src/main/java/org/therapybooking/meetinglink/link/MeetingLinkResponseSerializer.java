package org.therapybooking.meetinglink.link;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a link field by field instead of through Jackson's reflective bean serializer, which was a visible part
 * of the endpoint's CPU time (docs/performance.md). The output is exactly what the service-wide snake_case mapper
 * writes for the record (MeetingLinkResponseSerializerTest compares the two), so the API does not change.
 */
public final class MeetingLinkResponseSerializer extends StdSerializer<MeetingLinkResponse> {

    private static final long serialVersionUID = 1L;

    public MeetingLinkResponseSerializer() {
        super(MeetingLinkResponse.class);
    }

    @Override
    public void serialize(MeetingLinkResponse link, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject(link);
        json.writeStringField("meeting_url", link.meetingUrl());
        json.writeStringField("display_name", link.displayName());
        json.writeStringField("role", link.role());
        json.writeBooleanField("moderator_guaranteed", link.moderatorGuaranteed());
        json.writeFieldName("expires_at");
        if (link.expiresAt() == null) {
            json.writeNull();
        } else {
            provider.defaultSerializeValue(link.expiresAt(), json);
        }
        json.writeEndObject();
    }
}
