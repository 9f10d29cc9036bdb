package org.eventregistry.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** News feeds of events and publications: Atom 1.0 and RSS 2.0 with Rome, and JSON Feed 1.1. */
final class Syndication {

    /** One feed entry, whatever the record. */
    record Entry(String id, String title, String url, String summary, String html, Instant published, Instant updated,
                 List<String> authors, List<String> tags) {
    }

    /** The feed's own description. */
    record Channel(String title, String description, String homeUrl, String feedUrl, Instant updated) {
    }

    /** The feed formats and their media types. */
    enum Format {
        ATOM("atom_1.0", "application/atom+xml"),
        RSS("rss_2.0", "application/rss+xml"),
        JSON(null, "application/feed+json");

        final String romeType;
        final String mediaType;

        Format(String romeType, String mediaType) {
            this.romeType = romeType;
            this.mediaType = mediaType;
        }
    }

    private Syndication() {
    }

    static String write(Format format, Channel channel, List<Entry> entries, ObjectMapper json) {
        return format == Format.JSON ? jsonFeed(channel, entries, json) : xml(format, channel, entries);
    }

    private static String xml(Format format, Channel channel, List<Entry> entries) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(Text.clean(channel.title()));
        feed.setDescription(Text.clean(channel.description()));
        feed.setLink(channel.homeUrl());
        feed.setUri(channel.feedUrl());
        if (format == Format.ATOM) {
            // RFC 4287: a feed names itself (rel="self"), and every entry has an author; the site stands in for entries
            // that name none (events), here and on the entry, so no entry carries an empty <author>.
            SyndLink alternate = new SyndLinkImpl();
            alternate.setRel("alternate");
            alternate.setType("text/html");
            alternate.setHref(channel.homeUrl());
            SyndLink self = new SyndLinkImpl();
            self.setRel("self");
            self.setType(format.mediaType);
            self.setHref(channel.feedUrl());
            feed.setLinks(List.of(alternate, self));
            SyndPerson site = new SyndPersonImpl();
            site.setName(siteName(channel.homeUrl()));
            site.setUri(channel.homeUrl());
            feed.setAuthors(List.of(site));
        }
        feed.setPublishedDate(Date.from(channel.updated()));
        feed.setEncoding("UTF-8");
        List<SyndEntry> items = new ArrayList<>();
        for (Entry e : entries) {
            SyndEntry item = new SyndEntryImpl();
            item.setUri(e.id());
            item.setTitle(Text.clean(e.title()));
            item.setLink(e.url());
            item.setPublishedDate(Date.from(e.published()));
            item.setUpdatedDate(Date.from(e.updated()));
            if (e.summary() != null || e.html() != null) {
                SyndContent description = new SyndContentImpl();
                description.setType(e.html() != null ? "text/html" : "text/plain");
                description.setValue(Text.clean(e.html() != null ? e.html() : e.summary()));
                item.setDescription(description);
            }
            List<SyndPerson> authors = new ArrayList<>();
            for (String name : e.authors()) {
                if (name == null || name.isBlank()) {
                    continue;
                }
                SyndPerson person = new SyndPersonImpl();
                person.setName(Text.clean(name));
                authors.add(person);
            }
            if (authors.isEmpty() && format == Format.ATOM) {
                // Rome writes an empty <author> for an Atom entry without one: name the site instead.
                SyndPerson site = new SyndPersonImpl();
                site.setName(siteName(channel.homeUrl()));
                site.setUri(channel.homeUrl());
                authors.add(site);
            }
            if (!authors.isEmpty()) {
                item.setAuthors(authors);
            }
            List<SyndCategory> categories = new ArrayList<>();
            for (String tag : e.tags()) {
                SyndCategory category = new SyndCategoryImpl();
                category.setName(Text.clean(tag));
                categories.add(category);
            }
            item.setCategories(categories);
            items.add(item);
        }
        feed.setEntries(items);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("The feed cannot be written", e);
        }
    }

    /** The host of the site, as the name of the author that stands for the site. */
    private static String siteName(String homeUrl) {
        try {
            String host = java.net.URI.create(homeUrl).getHost();
            return host == null ? homeUrl : host;
        } catch (IllegalArgumentException e) {
            return homeUrl;
        }
    }

    private static String jsonFeed(Channel channel, List<Entry> entries, ObjectMapper json) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", channel.title());
        feed.put("description", channel.description());
        feed.put("home_page_url", channel.homeUrl());
        feed.put("feed_url", channel.feedUrl());
        // The site is the author of what names none (events, anonymous pieces): every item says who wrote it.
        List<Map<String, String>> site = List.of(Map.of("name", siteName(channel.homeUrl()), "url", channel.homeUrl()));
        feed.put("authors", site);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", e.id());
            item.put("url", e.url());
            item.put("title", e.title());
            if (e.html() != null) {
                item.put("content_html", e.html());
            } else {
                item.put("content_text", e.summary() != null ? e.summary() : e.title());
            }
            if (e.summary() != null) {
                item.put("summary", e.summary());
            }
            item.put("date_published", e.published().toString());
            item.put("date_modified", e.updated().toString());
            List<Map<String, String>> authors = e.authors().stream().filter(a -> a != null && !a.isBlank())
                    .map(a -> Map.of("name", a)).toList();
            item.put("authors", authors.isEmpty() ? site : authors);
            if (!e.tags().isEmpty()) {
                item.put("tags", e.tags());
            }
            items.add(item);
        }
        feed.put("items", items);
        try {
            return json.writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
