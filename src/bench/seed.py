#!/usr/bin/env python3
"""Fills a running registry with N events (default 5000), some with line-ups, for the benchmarks."""
import json, os, sys, urllib.request

BASE = os.environ.get("REGISTRY_URL", "http://localhost:8080")
TOKEN = os.environ["REGISTRY_ADMIN_TOKEN"]
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 5000


def post(path, body):
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


speakers = [post("/api/v1/speakers", {"givenName": g, "familyName": f, "affiliation": "CIRSD"})["id"]
            for g, f in [("Vuk", "Jeremić"), ("Stefan", "Jovanović"), ("Meg", "King"), ("Robert S.", "Litwak")]]
for i in range(COUNT):
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    event = post("/api/v1/events", {
        "title": f"Horizons Discussion {i}: Multipolarity and the Western Balkans",
        "summary": "A conversation on great-power competition, with questions from the audience.",
        "type": ["CONFERENCE", "PANEL", "LECTURE", "DISCUSSION"][i % 4],
        "startsAt": f"{2026 + i // 336}-{month:02d}-{day:02d}T18:00:00+01:00",
        "endsAt": f"{2026 + i // 336}-{month:02d}-{day:02d}T19:30:00+01:00",
        "timeZone": "Europe/Belgrade",
        "venue": {"name": "CIRSD", "city": "Belgrade", "country": "RS"},
        "topics": ["Multipolarity", "Western Balkans"],
        "series": "Horizons Discussions",
    })
    if i % 10 == 0:
        urllib.request.urlopen(urllib.request.Request(
            BASE + f"/api/v1/events/{event['id']}/speakers", method="PUT",
            data=json.dumps([{"speaker": speakers[0], "role": "MODERATOR"}, {"speaker": speakers[1 + i % 3], "role": "SPEAKER"}]).encode(),
            headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})).read()
print(f"seeded {COUNT} events")
