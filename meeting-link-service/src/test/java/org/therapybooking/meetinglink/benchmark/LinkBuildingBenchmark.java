package org.therapybooking.meetinglink.benchmark;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.therapybooking.meetinglink.TestConfigs;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;
import org.therapybooking.meetinglink.jitsi.TestKeys;
import org.therapybooking.meetinglink.link.MeetingLinkService;

/**
 * Link building without HTTP: public mode (hash only), self-hosted HS256 token, JaaS RS256 token.
 * Run with {@code ./mvnw -B -pl meeting-link-service -Pbenchmark verify}; not part of the test run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LinkBuildingBenchmark {

    private MeetingLinkService publicMode;
    private MeetingLinkService hs256;
    private MeetingLinkService rs256;
    private MeetingLinkRequest client;
    private MeetingLinkRequest host;
    private MeetingLinkRequest hostile;

    @Setup
    public void setUp() {
        publicMode = TestConfigs.service();
        hs256 = TestConfigs.service(TestConfigs.config(
                "meeting-links.jitsi.base-url", "https://meet.example.org",
                "meeting-links.jitsi.auth-mode", "jwt",
                "meeting-links.token.app-id", "therapy_app",
                "meeting-links.token.secret", TestKeys.HS_SECRET), Clock.systemUTC());
        rs256 = TestConfigs.service(TestConfigs.config(
                "meeting-links.jitsi.base-url", "https://8x8.vc/vpaas-magic-cookie-abc",
                "meeting-links.jitsi.auth-mode", "jaas",
                "meeting-links.token.app-id", "vpaas-magic-cookie-abc",
                "meeting-links.token.key-id", "vpaas-magic-cookie-abc/4f4910",
                "meeting-links.token.private-key-location", TestKeys.writePkcs8Pem(TestKeys.rsa()).toString()),
                Clock.systemUTC());
        MeetingLinkRequest.Session session = new MeetingLinkRequest.Session(Instant.parse("2026-12-01T10:00:00Z"), 60);
        client = new MeetingLinkRequest("booking-123-1795000000-k3x9q2m7",
                new MeetingLinkRequest.Participant("45", "Zoë", "O'Brien", "zoe@example.org", null), "client", session);
        host = new MeetingLinkRequest("booking-123-1795000000-k3x9q2m7",
                new MeetingLinkRequest.Participant("7", "Ada", "Smith", "ada@example.org", null), "host", session);
        hostile = new MeetingLinkRequest("booking-123-1795000000-k3x9q2m7",
                new MeetingLinkRequest.Participant("9", "\"&config.x=1#\u202E 👩‍👩‍👧‍👦 محمد", "\u201CO'Brien\u201D\n<script>",
                        null, null), "client", session);
    }

    @Benchmark
    public MeetingLinkResponse publicClient() {
        return publicMode.build(client);
    }

    @Benchmark
    public MeetingLinkResponse publicHost() {
        return publicMode.build(host);
    }

    @Benchmark
    public MeetingLinkResponse publicHostileName() {
        return publicMode.build(hostile);
    }

    @Benchmark
    public MeetingLinkResponse selfHostedHs256Host() {
        return hs256.build(host);
    }

    @Benchmark
    public MeetingLinkResponse jaasRs256Host() {
        return rs256.build(host);
    }
}
