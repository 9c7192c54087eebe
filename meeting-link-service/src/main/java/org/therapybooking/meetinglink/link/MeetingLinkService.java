package org.therapybooking.meetinglink.link;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.FieldError;
import org.therapybooking.meetinglink.api.BatchRequest;
import org.therapybooking.meetinglink.api.BatchResponse;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;
import org.therapybooking.meetinglink.config.MeetingLinkConfig;
import org.therapybooking.meetinglink.config.MeetingLinkConfig.AuthMode;
import org.therapybooking.meetinglink.displayname.DisplayNameResolver;
import org.therapybooking.meetinglink.jitsi.HashKeys;
import org.therapybooking.meetinglink.jitsi.JitsiDeployment;
import org.therapybooking.meetinglink.jitsi.JitsiTokenSigner;
import org.therapybooking.meetinglink.jitsi.JitsiUrlEncoding;
import org.therapybooking.meetinglink.jitsi.ParticipantToken;

/**
 * Turns a room, a participant and a role into the URL that participant should open. Stateless: nothing is stored.
 * Never logs URLs, they may carry tokens.
 */
@Singleton
public class MeetingLinkService {

    private final JitsiDeployment deployment;
    private final DisplayNameResolver displayNames;
    private final JitsiTokenSigner signer;
    private final int batchMaxSize;
    /** The role-specific part of the hash after the display name, e.g. "&config.startWithAudioMuted=false&...". */
    private final Map<Role, String> roleHash = new EnumMap<>(Role.class);

    public MeetingLinkService(MeetingLinkConfig config, DisplayNameResolver displayNames, Clock clock) {
        this.deployment = new JitsiDeployment(config.jitsi().baseUrl());
        this.displayNames = displayNames;
        this.signer = config.jitsi().authMode() == AuthMode.NONE ? null
                : new JitsiTokenSigner(config, deployment, clock);
        this.batchMaxSize = config.batch().maxSize();
        MeetingLinkConfig.Hash hash = config.hash();
        for (Role role : Role.values()) {
            StringBuilder params = new StringBuilder();
            if (role == Role.HOST) {
                hash.hostPrejoinEnabled().ifPresent(p -> JitsiUrlEncoding.appendParam(params, HashKeys.PREJOIN_ENABLED, p));
                JitsiUrlEncoding.appendParam(params, HashKeys.START_AUDIO_MUTED, false);
                JitsiUrlEncoding.appendParam(params, HashKeys.START_VIDEO_MUTED, false);
            } else {
                JitsiUrlEncoding.appendParam(params, HashKeys.PREJOIN_ENABLED, hash.prejoinEnabled());
                if (hash.lobbyAutoKnock()) {
                    JitsiUrlEncoding.appendParam(params, HashKeys.LOBBY_AUTO_KNOCK, true);
                }
                if (hash.readOnlyName()) {
                    JitsiUrlEncoding.appendParam(params, HashKeys.READ_ONLY_NAME, true);
                }
                if (role == Role.OBSERVER && hash.observerStartsMuted()) {
                    JitsiUrlEncoding.appendParam(params, HashKeys.START_AUDIO_MUTED, true);
                    JitsiUrlEncoding.appendParam(params, HashKeys.START_VIDEO_MUTED, true);
                }
            }
            roleHash.put(role, params.length() == 0 ? "" : "&" + params);
        }
    }

    public MeetingLinkResponse build(MeetingLinkRequest request) {
        return build(request, "");
    }

    public BatchResponse buildAll(BatchRequest batch) {
        List<MeetingLinkRequest> requests = batch.requests();
        if (requests.size() > batchMaxSize) {
            throw ApiException.invalid("requests", "must contain at most " + batchMaxSize + " items");
        }
        List<MeetingLinkResponse> links = new ArrayList<>(requests.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                links.add(build(requests.get(i), "requests[" + i + "]."));
            } catch (ApiException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new BatchResponse(links);
    }

    private MeetingLinkResponse build(MeetingLinkRequest request, String fieldPrefix) {
        String roomId = deployment.resolveRoom(request.room(), fieldPrefix + "room");
        Role role = Role.parse(request.role());
        MeetingLinkRequest.Participant p = request.participant();
        String name = displayNames.resolve(p.displayName(), p.firstName(), p.lastName(), p.email(), role);

        StringBuilder url = deployment.appendRoomUrl(
                new StringBuilder(deployment.base().length() + roomId.length() + name.length() * 3 + 160), roomId);
        Instant expiresAt = null;
        boolean moderator = false;
        if (signer != null) {
            MeetingLinkRequest.Session s = request.session();
            ParticipantToken token = signer.sign(roomId, p.id(), name, p.email(), role == Role.HOST,
                    s == null ? null : s.startsAt(), s == null ? null : s.endsAt());
            url.append("?jwt=").append(token.value());
            expiresAt = token.expiresAt();
            moderator = role == Role.HOST;
        }
        url.append('#').append(HashKeys.DISPLAY_NAME).append('=');
        JitsiUrlEncoding.appendEncodeURIComponent(url, JitsiUrlEncoding.jsonString(name));
        url.append(roleHash.get(role));
        return new MeetingLinkResponse(url.toString(), name, role.wireName(), moderator, expiresAt);
    }
}
