package org.therapybooking.meetinglink.jitsi;

/**
 * The only keys this service writes into a URL hash. They are constants, so no participant data can add or
 * change a key; all of them are on jitsi-meet's config whitelist ({@code configWhitelist.ts}) or read by its
 * settings feature ({@code userInfo.displayName}).
 */
public final class HashKeys {
    public static final String DISPLAY_NAME = "userInfo.displayName";
    public static final String PREJOIN_ENABLED = "config.prejoinConfig.enabled";
    public static final String START_AUDIO_MUTED = "config.startWithAudioMuted";
    public static final String START_VIDEO_MUTED = "config.startWithVideoMuted";
    public static final String LOBBY_AUTO_KNOCK = "config.lobby.autoKnock";
    public static final String READ_ONLY_NAME = "config.readOnlyName";

    private HashKeys() {
    }
}
