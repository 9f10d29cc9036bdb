// What a partner does with the generated TypeScript client (openapi/sdk/typescript-client.yaml, typescript-fetch),
// against a running registry: list and get events, create a speaker with a staff token, add them to a line-up,
// change the place with a merge patch, cite a publication, fetch the .ics, and follow the change stream.
// Usage: node scenario.js <registry base URL> <admin token>. Exits non-zero on the first surprise.
import {
    AdminApi, ChangesApi, Configuration, EventsApi, FeedsApi, LineUpsApi, PublicationsApi, ResponseError, SpeakersApi,
} from '../target/typescript-client/src';

// Node's process, without pulling in @types/node for two uses.
declare const process: { argv: string[]; exit(code: number): never };

let passed = 0;

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error(`TypeScript SDK scenario: ${what} did not hold`);
    }
    passed++;
    console.log(`ok - ${what}`);
}

async function run(basePath: string, adminToken: string): Promise<void> {
    const tag = 'sdk' + Math.random().toString(36).slice(2, 12);
    const anonymous = new Configuration({ basePath });
    const staff = await new AdminApi(new Configuration({ basePath, accessToken: adminToken }))
        .issueToken({ tokenFields: { name: `sdk typescript ${tag}`, role: 'STAFF' } });
    check(typeof staff.token === 'string' && staff.role === 'STAFF', 'issueToken gives a STAFF secret');
    const asStaff = new Configuration({ basePath, accessToken: staff.token });

    const start = await new ChangesApi(anonymous).listChanges({ after: 'now' });

    const created = await new EventsApi(asStaff).createEvent({
        eventFields: {
            title: `SDK scenario ${tag}`, type: 'PANEL', timeZone: 'Europe/Belgrade', topics: [tag],
            startsAt: new Date('2031-03-04T17:00:00Z'), endsAt: new Date('2031-03-04T19:00:00Z'),
        },
    });
    check(typeof created.id === 'string', 'createEvent with a staff token');

    const events = new EventsApi(anonymous);
    const page = await events.listEvents({ topic: [tag], limit: 10 });
    check(page.total === 1 && page.items![0].id === created.id, 'listEvents finds the event by topic');
    const fetched = await events.getEvent({ ref: created.slug! });
    check(fetched.title === created.title && fetched.venue === null && fetched.startsAt instanceof Date,
        'getEvent by slug returns an Event with dates');

    const speaker = await new SpeakersApi(asStaff).createSpeaker({
        speakerFields: { givenName: 'Grace', familyName: `Scenario ${tag}`, affiliation: 'Registry SDK Institute' },
    });
    check(speaker.displayName!.startsWith('Grace Scenario'), 'createSpeaker with a staff token');

    const lineups = new LineUpsApi(asStaff);
    const entry = await lineups.addLineupEntry({ ref: created.id!, lineupFields: { speaker: speaker.slug!, role: 'PANELIST' } });
    check(entry.role === 'PANELIST' && entry.speaker!.id === speaker.id, 'addLineupEntry');
    const changed = await lineups.updateLineupEntry({ ref: created.id!, id: entry.id!, lineupChange: { role: 'CHAIR', sessionTitle: 'Closing' } });
    check(changed.role === 'CHAIR' && changed.sessionTitle === 'Closing' && changed.order === entry.order,
        'updateLineupEntry (merge patch) changes role and title, keeps the order');
    const cleared = await lineups.updateLineupEntry({ ref: created.id!, id: entry.id!, lineupChange: { sessionTitle: null } });
    check(cleared.sessionTitle === null && cleared.role === 'CHAIR', 'updateLineupEntry with null clears the session title');

    const publication = await new PublicationsApi(asStaff).createPublication({
        publicationFields: { type: 'ESSAY', title: `On generated clients ${tag}`, authors: [speaker.slug!], publishedOn: '2030-10' },
    });
    const publications = new PublicationsApi(anonymous);
    const bibtex = await publications.citePublication({ ref: publication.slug! });
    check(bibtex.startsWith('@') && bibtex.includes('On generated clients'), 'citePublication returns BibTeX text');
    const ris = await publications.citePublication({ ref: publication.slug!, format: 'ris' });
    check(ris.startsWith('TY  - '), 'citePublication format=ris returns RIS text');

    const ics = await new FeedsApi(anonymous).getEventCalendar({ ref: created.slug! });
    check(ics.startsWith('BEGIN:VCALENDAR') && ics.includes(`SDK scenario ${tag}`), 'getEventCalendar returns iCalendar text');

    const changes = await new ChangesApi(anonymous).listChanges({ after: start.nextCursor, limit: 1000 });
    const mine = changes.items!.filter(c => c.id === created.id);
    check(mine.some(c => c.kind === 'event' && !Array.isArray(c.record) && (c.record as { id?: string }).id === created.id),
        "listChanges: the event's change carries the event");
    check(mine.some(c => c.kind === 'lineup' && Array.isArray(c.record)), "listChanges: the line-up's change carries its places as an array");
    check(typeof changes.nextCursor === 'string', 'listChanges gives the cursor to continue from');
}

const [basePath, adminToken] = process.argv.slice(2);
run(basePath, adminToken)
    .then(() => console.log(`TypeScript SDK scenario: ${passed} passed, 0 failed`))
    .catch(async (e: unknown) => {
        if (e instanceof ResponseError) {
            console.error(`TypeScript SDK scenario failed: HTTP ${e.response.status} ${await e.response.text()}`);
        } else {
            console.error(e);
        }
        process.exit(1);
    });
