package org.eventregistry.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where an event takes place, stored in the event's row. */
@Embeddable
public class Venue {

    @Column(name = "venue_name", length = 200)
    public String name;

    @Column(name = "venue_address", length = 300)
    public String address;

    @Column(name = "venue_city", length = 100)
    public String city;

    /** Folded city name for the case- and accent-insensitive city filter. */
    @Column(name = "venue_city_key", length = 200)
    public String cityKey;

    @Column(name = "venue_country", length = 2)
    public String country;
}
