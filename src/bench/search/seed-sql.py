#!/usr/bin/env python3
"""Writes SQL that fills a migrated, empty registry database with records of realistic text for the search
benchmark, in one go: SCALE x (50,000 speakers, 100,000 events, 100,000 publications).

    src/bench/search/seed-sql.py 1 h2 > seed.sql       # src/bench/search/run.sh loads it with H2's RunScript

The database makes the rows itself (H2's SYSTEM_RANGE, PostgreSQL's generate_series); the words are drawn
from the same lists as seed.lua (titles of English words, names in Serbian Latin and Cyrillic with their diacritics,
other names); summaries, descriptions, bios, abstracts and bodies take one word in 8 from the same English list
and the rest from 2,000 made-up words, so that a word is found in some records, not in nearly every one. Each
word is chosen by a different hash of the row number: the same command makes the same records. Events get two topics, a venue and for one in 5 a line-up
of 2 speakers; publications one or two authors; one record in 20 is a draft. The write log is not written: the
registry finds an index that does not hold the records and rebuilds it from the database when it starts.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sqlgen import Sql, dialect_from, padded, pick  # noqa: E402

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
dialect = dialect_from(sys.argv)
sql = Sql(dialect)
numbers, at, day = sql.numbers, sql.at, sql.day
speakers, events, publications = (max(10, int(n * scale)) for n in (50_000, 100_000, 100_000))

topics = ["Multipolarity", "Western Balkans", "China", "Russia", "European Union", "Energy security", "Cybersecurity",
          "Climate", "Arms control", "Migration", "Sustainable development", "Middle East", "Africa", "Latin America",
          "Trade", "Diplomacy", "United Nations", "NATO", "Artificial intelligence", "Geoeconomics"]
topic_keys = [t.lower().replace(" ", "-") for t in topics]
words = ["strategy", "conference", "security", "cooperation", "future", "order", "global", "regional", "dialogue",
         "development", "power", "competition", "governance", "crisis", "integration", "economy", "policy",
         "sovereignty", "multilateralism", "technology", "transition", "neutrality", "partnership", "stability",
         "democracy", "reform", "institutions", "leadership", "alliances", "sanctions", "markets", "infrastructure",
         "connectivity", "resilience", "escalation", "deterrence", "negotiations", "summit", "forum", "perspectives",
         "challenges", "opportunities"]
given = ["Vuk", "Jelena", "Marko", "Ana", "Dragan", "Milica", "Nikola", "Ivana", "Stefan", "Jovana", "Aleksandar",
         "Maria", "John", "Wang", "Olga", "Ahmed", "Sofia", "Luca", "Emma", "Pierre", "Јелена", "Милош", "Драгана"]
family = ["Jeremić", "Jovanović", "Petrović", "Nikolić", "Đorđević", "Stojanović", "Marković", "Ilić", "Pavlović",
          "Šutanovac", "Čolić", "Smith", "Müller", "Rossi", "Dubois", "Chen", "Kowalski", "Ivanov", "Јовановић",
          "Петровић", "Гарсија", "Okafor", "Tanaka", "Novak"]
cities = ["Belgrade", "Vienna", "Brussels", "New York", "Beijing", "Geneva", "Novi Sad", "Athens", "Berlin", "Nairobi"]
countries = ["RS", "AT", "BE", "US", "CN", "CH", "RS", "GR", "DE", "KE"]
etypes = ["CONFERENCE", "PANEL", "LECTURE", "DISCUSSION", "WORKSHOP", "ROUNDTABLE", "SEMINAR"]
ptypes = ["ARTICLE", "ESSAY", "INTERVIEW", "REPORT", "POLICY_BRIEF", "BOOK"]
PRIMES = [7919, 104729, 1299709, 15485863, 32452843, 49979687, 67867967, 86028121, 104395301, 122949823,
          141650939, 160481183, 179424673, 198491317, 217645177, 236887691, 256203161, 275604541, 295075147,
          314606869, 334214459, 353868013, 373587883, 393342739, 413158511, 433024223, 452930459, 472882027,
          492876847, 512927357]








def hashed(salt, prime):
    """A number that looks unrelated to n for each (salt, prime)."""
    return f"mod(cast(n as bigint) * {prime} + {salt * 7 + 3}, 1000003)"


# Text that is not a title draws one word in 8 from the topical words above and the others from a vocabulary of
# 2,000 made-up words (three syllables each), so a topical word is found in some records, not in nearly all.
SYLLABLES = ["ka", "ve", "ro", "mi", "du", "sa", "le", "po", "ti", "na", "gor", "bre", "sku", "vla", "dem", "tro",
             "pli", "zan", "ker", "mos"]
ENDINGS = ["n", "s", "ta", "ja", "lo"]


def filler(salt, i):
    h = [hashed(salt * 31 + i, PRIMES[(i + k) % len(PRIMES)] + k) for k in range(4)]
    return (f"case when mod({h[0]}, 8) = 0 then {pick(words, h[1])} "
            f"else {pick(SYLLABLES, h[1])} || {pick(SYLLABLES, h[2])} || {pick(ENDINGS, h[3])} end")


def sentence(count, salt, topical=False):
    if topical:
        parts = [pick(words, hashed(salt, PRIMES[i % len(PRIMES)] + i)) for i in range(count)]
    else:
        parts = [filler(salt, i) for i in range(count)]
    return " || ' ' || ".join(parts)








SPAN = 15 * 365 * 24 * 60
print("-- generated by src/bench/search/seed-sql.py", scale, dialect)
given_n, family_n = pick(given, hashed(1, 7919)), pick(family, hashed(2, 104729))
print(f"""insert into speaker (id, slug, given_name, family_name, display_name, family_sort_key, position, affiliation,
  affiliation_key, country, bio, created_at, updated_at, version)
select {padded('S', 'n')}, 'sp-' || n, {given_n}, {family_n}, {given_n} || ' ' || {family_n},
  lower({family_n}) || ' ' || lpad(cast(n as varchar), 6, '0'), {sentence(3, 3, True)},
  'Institute of ' || {sentence(2, 4, True)}, 'institute-' || mod(n, 500), {pick(countries, hashed(5, 7919))},
  '<p>' || {sentence(25, 6)} || '.</p>', {at('n')}, {at('n')}, 0
from {numbers(speakers)};""")
print(f"""insert into speaker_topic (speaker_id, position, name, topic_key)
select {padded('S', 'n')}, 0, {pick(topics, hashed(7, 7919))}, {pick(topic_keys, hashed(7, 7919))}
from {numbers(speakers)};""")

city = hashed(8, 104729)
print(f"""insert into event (id, slug, title, summary, description, type, publication_status, status, format, starts_at,
  ends_at, time_zone, venue_name, venue_city, venue_city_key, venue_country, language, created_at, updated_at, version,
  lineup_version, span_seconds)
select {padded('E', 'n')}, 'ev-' || n, {sentence(4, 9, True)} || ' ' || n, {sentence(12, 10)} || '.',
  '<p>' || {sentence(30, 11)} || '. ' || {sentence(30, 12)} || '.</p>', {pick(etypes, hashed(13, 7919))},
  case when mod(n, 20) = 7 then 'DRAFT' else 'PUBLISHED' end, 'SCHEDULED', 'IN_PERSON',
  {at(f'{hashed(14, 1299709)} * {SPAN // 1000003}')}, {at(f'{hashed(14, 1299709)} * {SPAN // 1000003} + 480')},
  'Europe/Belgrade', 'Hall ' || mod(n, 50), {pick(cities, city)}, lower(replace({pick(cities, city)}, ' ', '-')),
  {pick(countries, city)}, 'en', {at('n')}, {at('n')}, 0, 0, 28801
from {numbers(events)};""")
for position, salt in ((0, 15), (1, 16)):
    print(f"""insert into event_topic (event_id, position, name, topic_key)
select {padded('E', 'n')}, {position}, {pick(topics, hashed(salt, 15485863))}, {pick(topic_keys, hashed(salt, 15485863))}
from {numbers(events)};""")
for position, (role, salt) in enumerate((("MODERATOR", 17), ("SPEAKER", 18))):
    print(f"""insert into participation (id, event_id, speaker_id, role, position, created_at)
select {padded('P' if position == 0 else 'Q', 'n')}, {padded('E', 'n')}, {padded('S', f'1 + mod({hashed(salt, 32452843)}, {speakers})')},
  '{role}', {position}, {at('n')}
from {numbers(events)} where mod(n, 5) = 0;""")

print(f"""insert into publication (id, slug, type, title, abstract_text, body, published_on, published_precision,
  periodical_name, periodical_key, volume, issue, language, publication_status, created_at, updated_at, version)
select {padded('U', 'n')}, 'pub-' || n, {pick(ptypes, hashed(19, 7919))}, {sentence(5, 20, True)} || ' ' || n,
  '<p>' || {sentence(20, 21)} || '.</p>',
  '<p>' || {sentence(30, 22)} || '. ' || {sentence(30, 23)} || '. ' || {sentence(30, 24)} || '.</p>',
  {day(f'mod({hashed(25, 49979687)}, 6000)')}, 'MONTH', 'Horizons', 'horizons', cast(1 + mod(n, 30) as varchar),
  cast(1 + mod(n, 4) as varchar), 'en', case when mod(n, 20) = 7 then 'DRAFT' else 'PUBLISHED' end,
  {at('n')}, {at('n')}, 0
from {numbers(publications)};""")
print(f"""insert into publication_topic (publication_id, position, name, topic_key)
select {padded('U', 'n')}, 0, {pick(topics, hashed(26, 67867967))}, {pick(topic_keys, hashed(26, 67867967))}
from {numbers(publications)};""")
first_author = f"1 + mod({hashed(27, 86028121)}, {speakers})"
for position, (prefix, speaker, every) in enumerate((("A", first_author, 1), ("C", f"1 + mod({first_author}, {speakers})", 3))):
    print(f"""insert into publication_author (id, publication_id, position, speaker_id)
select {padded(prefix, 'n')}, {padded('U', 'n')}, {position}, {padded('S', speaker)}
from {numbers(publications)} where mod(n, {every}) = 0;""")
print("""update change_counter set last_seq = last_seq + 1, write_seq = write_seq + 1,
  last_at = current_timestamp, write_at = current_timestamp where name = 'changes';""")
print("analyze;" if dialect == "h2" else "analyze speaker, speaker_topic, event, event_topic, participation, publication, "
      "publication_topic, publication_author;")
