package org.therapybooking.meetinglink;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.therapybooking.meetinglink.config.MeetingLinkConfig;
import org.therapybooking.meetinglink.displayname.DisplayNameResolver;
import org.therapybooking.meetinglink.link.MeetingLinkService;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Builds the real config mapping (with its real defaults) outside Quarkus, for unit tests and JMH. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static MeetingLinkConfig config(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDiscoveredConverters()
                .withMapping(MeetingLinkConfig.class)
                .withSources(new PropertiesConfigSource(new HashMap<>(overrides), "test", 500))
                .build();
        return config.getConfigMapping(MeetingLinkConfig.class);
    }

    public static MeetingLinkConfig config(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return config(map);
    }

    public static MeetingLinkService service(MeetingLinkConfig config, Clock clock) {
        return new MeetingLinkService(config, new DisplayNameResolver(config), clock);
    }

    public static MeetingLinkService service(String... keyValues) {
        return service(config(keyValues), Clock.systemUTC());
    }
}
