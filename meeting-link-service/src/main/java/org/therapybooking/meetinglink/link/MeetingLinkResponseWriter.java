package org.therapybooking.meetinglink.link;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes one link as a single byte array with one prepared Jackson writer of the service's mapper, instead of the
 * general provider's per-request mapper, view and root-type lookups and response stream (see
 * MeetingLinkRequestReader). Same mapper, so the JSON is what the general provider wrote.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class MeetingLinkResponseWriter implements ServerMessageBodyWriter<MeetingLinkResponse> {

    private final ObjectWriter writer;

    public MeetingLinkResponseWriter(ObjectMapper mapper) {
        this.writer = mapper.writerFor(MeetingLinkResponse.class);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return type == MeetingLinkResponse.class;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MeetingLinkResponse.class;
    }

    @Override
    public void writeResponse(MeetingLinkResponse link, Type genericType, ServerRequestContext context)
            throws IOException {
        context.serverResponse().end(writer.writeValueAsBytes(link));
    }

    @Override
    public void writeTo(MeetingLinkResponse link, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        writer.writeValue(entityStream, link);
    }
}
