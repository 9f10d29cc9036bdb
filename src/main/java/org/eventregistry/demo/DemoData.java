package org.eventregistry.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eventregistry.access.Caller;
import org.eventregistry.access.Identity;
import jakarta.enterprise.event.Observes;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.event.EventFields;
import org.eventregistry.event.EventRepository;
import org.eventregistry.event.EventService;
import org.eventregistry.lineup.LineupFields;
import org.eventregistry.lineup.LineupService;
import org.eventregistry.publication.PublicationFields;
import org.eventregistry.publication.PublicationService;
import org.eventregistry.speaker.SpeakerFields;
import org.eventregistry.speaker.SpeakerService;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Fills an empty registry with demo events, speakers, line-ups and publications (drawn from CIRSD's public pages) so a first start has something to show. */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final RegistryConfig config;
    private final EventRepository events;
    private final EventService eventService;
    private final ObjectMapper json;
    private final Caller caller;
    private final SpeakerService speakerService;
    private final LineupService lineupService;
    private final PublicationService publicationService;

    public DemoData(RegistryConfig config, EventRepository events, EventService eventService, ObjectMapper json, Caller caller,
                    SpeakerService speakerService, LineupService lineupService, PublicationService publicationService) {
        this.publicationService = publicationService;
        this.caller = caller;
        this.speakerService = speakerService;
        this.lineupService = lineupService;
        this.config = config;
        this.events = events;
        this.eventService = eventService;
        this.json = json;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent start) throws IOException {
        caller.actAs(Identity.system("demo-data"));
        if (!config.demoData() || events.count() > 0) {
            return;
        }
        List<EventFields> demo = read("/demo/events.json", new TypeReference<>() {
        });
        demo.forEach(fields -> eventService.create(fields, null));
        List<SpeakerFields> people = read("/demo/speakers.json", new TypeReference<>() {
        });
        people.forEach(fields -> speakerService.create(fields, null));
        Map<String, List<LineupFields>> lineups = read("/demo/lineups.json", new TypeReference<>() {
        });
        lineups.forEach(lineupService::replace);
        List<PublicationFields> writings = read("/demo/publications.json", new TypeReference<>() {
        });
        writings.forEach(fields -> publicationService.create(fields, null));
        LOG.infof("Loaded %d demo events, %d speakers, %d line-ups and %d publications into the empty registry "
                + "(registry.demo-data=false turns this off)", demo.size(), people.size(), lineups.size(), writings.size());
    }

    private <T> T read(String resource, TypeReference<T> type) throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            return json.readValue(in, type);
        }
    }
}
