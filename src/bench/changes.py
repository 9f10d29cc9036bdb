#!/usr/bin/env python3
"""Follows the whole change stream with limit=1000, as a partner would, and reports changes per second."""
import json, os, time, urllib.parse, urllib.request

BASE = os.environ.get("REGISTRY_URL", "http://localhost:8080")
cursor, total, pages = None, 0, 0
start = time.perf_counter()
while True:
    query = {"limit": "1000"} | ({"after": cursor} if cursor else {})
    with urllib.request.urlopen(BASE + "/api/v1/changes?" + urllib.parse.urlencode(query)) as response:
        page = json.load(response)
    total += len(page["items"])
    pages += 1
    cursor = page["nextCursor"]
    if not page["more"]:
        break
elapsed = time.perf_counter() - start
print(f"{total} changes in {pages} pages, {elapsed:.2f} s: {total / elapsed:,.0f} changes/s")
