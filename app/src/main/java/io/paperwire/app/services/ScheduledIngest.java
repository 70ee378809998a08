package io.paperwire.app.services;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestOptions;
import io.paperwire.ingest.IngestRuntime;
import io.paperwire.ingest.IngestSchedule;
import io.paperwire.ingest.IngestSources;
import io.paperwire.ingest.http.HttpSettings;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.publish.IngestTopics;
import io.paperwire.ingest.source.ArxivFeedSource;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.ingest.source.HfDailySource;
import io.paperwire.schemas.PaperwireTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources {@code paperwire up} and {@code paperwire run ingest} harvest on a schedule: the arXiv announcement
 * feed once a day after the announcement ({@code ingest.feed.archives}), Hugging Face daily papers every hour
 * ({@code ingest.hf-daily.enabled}), and the files of a directory at start and every minute ({@code ingest.watch.dir}; the file
 * checkpoint makes each pass read only new files and appended lines). Nothing is scheduled unless configured. All
 * sources share one transactional producer, so a second instance with the same configuration fences the first.
 */
public final class ScheduledIngest implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledIngest.class);

    /** How often {@code ingest.watch.dir} is scanned. */
    public static final Duration WATCH_DIR_INTERVAL = Duration.ofMinutes(1);

    private final IngestRuntime runtime;
    private final IngestSchedule schedule;

    private ScheduledIngest(IngestRuntime runtime, IngestSchedule schedule) {
        this.runtime = runtime;
        this.schedule = schedule;
    }

    /** Whether {@code config} names any source to harvest on a schedule. */
    public static boolean anyConfigured(PaperwireConfig config) {
        return config.get(Settings.INGEST_FEED_ARCHIVES).isPresent()
                || config.getBoolean(Settings.INGEST_HF_DAILY_ENABLED)
                || config.get(Settings.INGEST_WATCH_DIR).isPresent();
    }

    /** Starts the configured schedule, or returns empty when no source is configured; runs report to {@code listener}. */
    public static Optional<ScheduledIngest> start(Platform platform, IngestListener listener) {
        PaperwireConfig config = platform.config();
        Optional<String> archives = config.get(Settings.INGEST_FEED_ARCHIVES);
        boolean hf = config.getBoolean(Settings.INGEST_HF_DAILY_ENABLED);
        Optional<Path> watchDir = config.get(Settings.INGEST_WATCH_DIR).map(Path::of);
        if (archives.isEmpty() && !hf && watchDir.isEmpty()) {
            return Optional.empty();
        }
        HttpSettings http = HttpSettings.defaults();
        Optional<String> contact = config.get(Settings.INGEST_CONTACT);
        if (contact.isPresent()) {
            http = http.withContact(contact.get());
        }
        IngestSources sources = new IngestSources(PoliteHttpClient.create(http), ParserSettings.defaults(),
                Clock.systemUTC());
        List<IngestSchedule.Entry> entries = new ArrayList<>();
        archives.ifPresent(a -> entries.add(new IngestSchedule.Entry("arxiv-feed:" + a,
                () -> sources.arxivFeed(new ArxivFeedSource.Settings(ArxivFeedSource.DEFAULT_BASE_URL, a)),
                IngestSchedule.AFTER_ARXIV_ANNOUNCEMENT)));
        if (hf) {
            entries.add(new IngestSchedule.Entry("hf-daily",
                    () -> sources.hfDaily(new HfDailySource.Settings(HfDailySource.DEFAULT_BASE_URL, Optional.empty(),
                            Optional.empty())),
                    new IngestSchedule.Cadence.Every(Duration.ofHours(1))));
        }
        watchDir.ifPresent(dir -> entries.add(new IngestSchedule.Entry("files:" + dir,
                () -> sources.files(FileSource.Settings.of(List.of(dir), false)),
                new IngestSchedule.Cadence.Polling(WATCH_DIR_INTERVAL))));
        IngestTopics topics = IngestTopics.from(PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig()));
        IngestRuntime runtime = IngestRuntime.connect(IngestOptions.defaults(platform.bootstrapServers())
                .withHttp(http).withTransactionalId("paperwire-ingest-scheduled"), topics, listener);
        IngestSchedule schedule = new IngestSchedule(entries, runtime::run,
                // One log line per run: the summary's lines joined.
                summary -> log.info("{}", String.join("; ", summary.describe().strip().lines().map(String::strip)
                        .toList())), Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "paperwire-ingest-schedule")));
        schedule.start();
        return Optional.of(new ScheduledIngest(runtime, schedule));
    }

    @Override
    public void close() {
        runtime.requestStop();
        schedule.close();
        runtime.close();
    }
}
