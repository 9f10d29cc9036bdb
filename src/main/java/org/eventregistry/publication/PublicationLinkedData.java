package org.eventregistry.publication;

/** A schema.org description (JSON-LD) of a publication, authors included; provided by the feed package. */
public interface PublicationLinkedData {

    String MEDIA_TYPE = "application/ld+json";

    Object describe(PublicationView publication);
}
