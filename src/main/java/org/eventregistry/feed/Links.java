package org.eventregistry.feed;

import java.net.URI;

/** Frontend URLs of records, from the configured site URL. */
record Links(String site) {

    String event(String slug) {
        return site + "/events/" + slug;
    }

    String publication(String slug) {
        return site + "/publications/" + slug;
    }

    String host() {
        String host = URI.create(site).getHost();
        return host == null ? "registry" : host;
    }
}
