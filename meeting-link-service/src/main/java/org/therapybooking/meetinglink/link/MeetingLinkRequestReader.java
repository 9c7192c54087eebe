package org.therapybooking.meetinglink.link;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads the body of {@code POST /api/meeting-links} with one prepared Jackson reader of the service's mapper. The
 * general Jackson provider looks up context resolvers, views and a reader for the type on every request, which
 * was a measurable share of this small endpoint's cost (docs/performance.md). Same mapper, same errors: malformed
 * JSON and wrong types still reach ProblemMappers as Jackson exceptions; an empty body still reads as null.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingLinkRequestReader implements ServerMessageBodyReader<MeetingLinkRequest> {

    private final ObjectReader reader;

    public MeetingLinkRequestReader(ObjectMapper mapper) {
        this.reader = mapper.readerFor(MeetingLinkRequest.class);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo lazyMethod,
            MediaType mediaType) {
        return type == MeetingLinkRequest.class;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MeetingLinkRequest.class;
    }

    @Override
    public MeetingLinkRequest readFrom(Class<MeetingLinkRequest> type, Type genericType, MediaType mediaType,
            ServerRequestContext context) throws IOException {
        return read(context.getInputStream());
    }

    @Override
    public MeetingLinkRequest readFrom(Class<MeetingLinkRequest> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
            throws IOException {
        return read(entityStream);
    }

    private MeetingLinkRequest read(InputStream body) throws IOException {
        try (JsonParser parser = reader.createParser(body)) {
            if (parser.nextToken() == null) {
                return null; // no body: the validator answers with a field error, as for a JSON null
            }
            return reader.readValue(parser);
        }
    }
}
