package org.therapybooking.meetinglink.jitsi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.therapybooking.commons.problem.ApiException;

/**
 * The configured Jitsi base URL (scheme, authority, optional tenant path) and the rules for room ids on it.
 */
public final class JitsiDeployment {

    /** Longest room id. */
    static final int ROOM_ID_MAX = 128;

    private final String scheme;
    private final String authority;
    private final String tenantPath;
    private final String base;
    private final String host;

    public JitsiDeployment(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("meeting-links.jitsi.base-url is not a URL: " + baseUrl, e);
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null
                || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "meeting-links.jitsi.base-url must be http(s)://host[:port][/tenant] without query or fragment: "
                            + baseUrl);
        }
        this.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        this.authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        this.tenantPath = path;
        this.base = scheme + "://" + authority + tenantPath;
        this.host = uri.getHost() == null ? authority : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** Base URL without trailing slash, e.g. {@code https://meet.jit.si} or {@code https://8x8.vc/vpaas-magic-cookie-x}. */
    public String base() {
        return base;
    }

    public String host() {
        return host;
    }

    /** The tenant (last path segment of the base URL) if the base URL has one. */
    public Optional<String> tenant() {
        if (tenantPath.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tenantPath.substring(tenantPath.lastIndexOf('/') + 1));
    }

    /**
     * Accepts a room id or a full room URL on this deployment and returns the room id.
     *
     * @throws ApiException a validation problem of {@code field} for anything else (a foreign host, another tenant,
     *         extra path, query, fragment)
     */
    public String resolveRoom(String room, String field) {
        String value = room.trim();
        if (isRoomId(value)) {
            return value;
        }
        if (!value.regionMatches(true, 0, "http://", 0, 7) && !value.regionMatches(true, 0, "https://", 0, 8)) {
            throw ApiException.invalid(field, "must be a room id ([A-Za-z0-9_-]{1,128}) or a room URL on " + base);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ApiException.invalid(field, "is not a valid URL");
        }
        if (uri.getRawAuthority() == null
                || !scheme.equalsIgnoreCase(uri.getScheme())
                || !authority.equalsIgnoreCase(uri.getRawAuthority())) {
            throw ApiException.invalid(field, "is not on the configured Jitsi deployment " + base);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw ApiException.invalid(field, "must be a plain room URL without query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String prefix = tenantPath + "/";
        if (!path.startsWith(prefix)) {
            throw ApiException.invalid(field, "is not on the configured Jitsi deployment " + base);
        }
        String id = path.substring(prefix.length());
        if (!isRoomId(id)) {
            throw ApiException.invalid(field, "room id in the URL must match [A-Za-z0-9_-]{1,128}");
        }
        return id;
    }

    /**
     * Room ids as booking-service creates them, {@code [A-Za-z0-9_-]{1,128}}; also what survives Jitsi's own
     * room-name cleaning unchanged. A loop instead of a regex: this runs for every link.
     */
    public static boolean isRoomId(String value) {
        int n = value.length();
        if (n < 1 || n > ROOM_ID_MAX) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Appends the room URL without query or hash; the room segment is percent-encoded like encodeURIComponent. */
    public StringBuilder appendRoomUrl(StringBuilder url, String roomId) {
        url.append(base).append('/');
        JitsiUrlEncoding.appendEncodeURIComponent(url, roomId);
        return url;
    }
}
