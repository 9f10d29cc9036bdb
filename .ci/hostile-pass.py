#!/usr/bin/env python3
"""Hostile pass over a running registry, by hand (not a leg of .ci/run): races of 20 parallel requests at one record,
a partner following the change stream, ETags and feeds, the bad inputs of the hardening issue, and every answer
compared with openapi/openapi.yaml (status documented for the operation, media type, JSON body against its schema).

    REGISTRY_DATA_DIR=$(mktemp -d) REGISTRY_ADMIN_TOKEN=<token> REGISTRY_HTTP_REQUEST_HEAD_TIMEOUT=PT5S \
      QUARKUS_HTTP_PORT=8096 java -jar target/quarkus-app/quarkus-run.jar &
    python3 .ci/hostile-pass.py http://127.0.0.1:8096 <token> openapi/openapi.yaml

Needs PyYAML and jsonschema (Debian: python3-yaml, python3-jsonschema); writes the feeds it read to /tmp/hostile-*
for a feed reader or calendar parser. Exits 0 when every check passed and every answer is as documented.
"""
import concurrent.futures as cf
import json
import re
import socket
import sys
import time
import urllib.parse
import os

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exchange import exchange  # noqa: E402

BASE, TOKEN, SPEC = sys.argv[1], sys.argv[2], sys.argv[3]
HOST, PORT = urllib.parse.urlparse(BASE).hostname, urllib.parse.urlparse(BASE).port
DOC = yaml.safe_load(open(SPEC))
TEMPLATES = [(re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", p) + "$"), p) for p in DOC["paths"]]
results = {"ok": 0, "failed": 0, "contract": 0, "contract_failed": 0}
seen_statuses = {}


def check(name, ok, detail=""):
    results["ok" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + str(detail)[:400]), flush=True)


def pointer(*parts):
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def conform(method, path, status, headers, body):
    """The answer's status, media type and JSON body as openapi.yaml documents them."""
    route = path.split("?")[0]
    template = next((t for rx, t in TEMPLATES if rx.match(route)), None)
    if template is None:
        return
    op = DOC["paths"][template].get(method.lower())
    if op is None:
        return
    results["contract"] += 1
    responses = op.get("responses", {})
    key = str(status) if str(status) in responses else ("default" if "default" in responses else None)
    problems = []
    if key is None:
        problems.append(f"status {status} not documented for {method} {template}")
    else:
        ctype = (headers.get("content-type") or "").split(";")[0].strip()
        content = responses[key].get("content", {})
        if status != 304 and content and ctype not in content and body:
            problems.append(f"{ctype} not documented for {method} {template} {status}")
        elif ctype in content and ctype.endswith("json") and body:
            schema = dict(DOC)
            schema["$ref"] = pointer("paths", template, method.lower(), "responses", key, "content", ctype, "schema")
            try:
                jsonschema.Draft202012Validator(schema).validate(json.loads(body))
            except jsonschema.ValidationError as e:
                problems.append(f"{method} {template} {status}: {e.message} at {list(e.absolute_path)}")
    if problems:
        results["contract_failed"] += 1
        print("CONTRACT " + "; ".join(problems)[:500], flush=True)


def call(method, path, body=None, token=TOKEN, headers=None, raw=None):
    status, h, answer = exchange(PORT, method, path, body=body, token=token, headers=headers, raw=raw, host=HOST)
    text = answer.decode(errors="replace")
    global LAST_RAW
    LAST_RAW = text
    seen_statuses[status] = seen_statuses.get(status, 0) + 1
    conform(method, path, status, h, text)
    parsed = None
    if text and "json" in h.get("content-type", ""):
        parsed = json.loads(text)
    return status, h, parsed if parsed is not None else text


def problem(status, h, body, want):
    return status == want and h.get("content-type", "").startswith("application/problem+json") and body.get("status") == want


def event(title, **more):
    body = {"title": title, "type": "PANEL", "startsAt": "2031-05-10T10:00:00+02:00",
            "endsAt": "2031-05-10T12:00:00+02:00", "timeZone": "Europe/Belgrade", "publicationStatus": "PUBLISHED",
            "topics": ["hostile"]}
    body.update(more)
    return body


def raw_socket(data, read_timeout=10):
    s = socket.create_connection((HOST, PORT))
    s.settimeout(read_timeout)
    s.sendall(data)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except OSError:
        pass
    s.close()
    return out


tag = "h" + str(int(time.time()))
pool = cf.ThreadPoolExecutor(20)

# ---- races: 20 parallel requests at one record
st, h, ev = call("POST", "/api/v1/events", event(f"Race {tag}"))
eid = ev["id"]
answers = list(pool.map(lambda i: call("PATCH", f"/api/v1/events/{eid}", {"summary": f"patch {i}"},
                                       headers={"Content-Type": "application/merge-patch+json"}), range(20)))
check("20 parallel PATCHes without If-Match: all 200, 20 versions", [a[0] for a in answers] == [200] * 20
      and sorted(a[2]["version"] for a in answers) == list(range(1, 21)), [a[0] for a in answers])
st, h, now = call("GET", f"/api/v1/events/{eid}")
check("GET one after the race shows version 20 (kept answer not stale)", now["version"] == 20, now.get("version"))
etag = h["etag"]
answers = list(pool.map(lambda i: call("PATCH", f"/api/v1/events/{eid}", {"summary": f"if-match {i}"},
                                       headers={"Content-Type": "application/merge-patch+json", "If-Match": etag}), range(20)))
codes = sorted(a[0] for a in answers)
check("20 parallel PATCHes with one If-Match: 1x200, 19x412 problems", codes == [200] + [412] * 19, codes)
answers = list(pool.map(lambda i: call("POST", "/api/v1/events", event(f"Same title {tag}")), range(20)))
slugs = {a[2]["slug"] for a in answers if a[0] == 201}
check("20 parallel POSTs of one title, no slug: 20x201, 20 distinct slugs", len(slugs) == 20, [a[0] for a in answers])
sp = call("POST", "/api/v1/speakers", {"givenName": "Ana", "familyName": "Race" + tag})[2]["id"]
answers = list(pool.map(lambda i: call("POST", f"/api/v1/events/{eid}/speakers", {"speaker": sp, "role": "PANELIST"}), range(20)))
codes = sorted(a[0] for a in answers)
check("20 parallel adds of one speaker in one role: 1x201, 19x409", codes == [201] + [409] * 19, codes)
answers = list(pool.map(lambda i: call("POST", "/api/v1/events", event(f"Idem {tag}"), headers={"Idempotency-Key": "k-" + tag}), range(20)))
ids = {a[2]["id"] for a in answers if a[0] == 201}
check("20 parallel POSTs with one Idempotency-Key: all 201 (or 409 in progress), one event", len(ids) == 1
      and all(a[0] in (201, 409) for a in answers), sorted(a[0] for a in answers))
check("no 5xx in the races", all(code < 500 for code in seen_statuses), seen_statuses)

# ---- partner: change stream, ETags, conditional GETs
st, h, head = call("GET", "/api/v1/changes?limit=1", token=None)
cursor = head.get("nextCursor") or head.get("cursor")
st, h, page = call("GET", f"/api/v1/events?topic=hostile&limit=5", token=None)
list_tag = h.get("etag")
st304 = call("GET", f"/api/v1/events?topic=hostile&limit=5", token=None, headers={"If-None-Match": list_tag})[0]
check("list revalidated with its ETag: 304", st304 == 304, st304)
st, h, one = call("GET", f"/api/v1/events/{eid}", token=None)
one_tag = h["etag"]
check("GET one revalidated: 304", call("GET", f"/api/v1/events/{eid}", token=None, headers={"If-None-Match": one_tag})[0] == 304)
call("PATCH", f"/api/v1/events/{eid}", {"title": f"Renamed {tag}"}, headers={"Content-Type": "application/merge-patch+json"})
st, h, one = call("GET", f"/api/v1/events/{eid}", token=None, headers={"If-None-Match": one_tag})
check("after a change the old ETag gets 200 with the new title", st == 200 and one["title"] == f"Renamed {tag}", (st, one))
st = call("GET", f"/api/v1/events?topic=hostile&limit=5", token=None, headers={"If-None-Match": list_tag})[0]
check("after a change the list's old ETag gets 200", st == 200, st)
draft = call("POST", "/api/v1/events", event(f"Draft {tag}", publicationStatus="DRAFT"))[2]["id"]
call("DELETE", f"/api/v1/events/{eid}", headers={"If-Match": call("GET", f"/api/v1/events/{eid}")[1]["etag"]})
st, h, first = call("GET", "/api/v1/changes?limit=100", token=None)
changes = []
page = first
for _ in range(200):
    changes += page["items"]
    if not page.get("more"):
        break
    st, h, page = call("GET", "/api/v1/changes?limit=100&after=" + urllib.parse.quote(page["nextCursor"]), token=None)
mentioned = [c for c in changes if c.get("id") == eid]
check("change stream: the deleted event ends with a DELETE", bool(mentioned) and mentioned[-1].get("operation") == "DELETE",
      mentioned[-1:] if mentioned else "absent")
check("change stream: the draft never appears", not any(c.get("id") == draft for c in changes))

# ---- feeds as calendar apps and readers take them
st, h, ics = call("GET", "/api/v1/feeds/events.ics", token=None, headers={"Accept": "text/calendar"})
check("events.ics: 200 text/calendar", st == 200 and h.get("content-type", "").startswith("text/calendar"), (st, h.get("content-type")))
open("/tmp/hostile-events.ics", "w").write(ics if isinstance(ics, str) else ics.decode())
for fmt in ("atom", "rss"):
    st, h, body = call("GET", f"/api/v1/feeds/events.{fmt}" if fmt != "atom" else "/api/v1/feeds/events.atom", token=None,
                       headers={"Accept": "*/*"})
    open(f"/tmp/hostile-events.{fmt}", "w").write(body if isinstance(body, str) else body.decode())
    check(f"events.{fmt}: 200", st == 200, st)

# ---- bad inputs of issue 10
def bad(name, want, method, path, body=None, raw=None, headers=None, token=TOKEN):
    st, h, b = call(method, path, body=body, raw=raw, headers=headers, token=token)
    check(f"{name}: {want} problem", isinstance(b, dict) and problem(st, h, b, want), (st, h.get("content-type"), b))

bad("SystemV time zone", 422, "POST", "/api/v1/events", event(f"Z {tag}", timeZone="SystemV/EST5"))
bad("description of 30,000 &", 422, "POST", "/api/v1/events", event(f"A {tag}", description="&" * 30000))
bad("duplicate JSON keys", 400, "POST", "/api/v1/admin/tokens",
    raw=b'{"name":"d","role":"PARTNER","role":"ADMIN"}', headers={"Content-Type": "application/json"})
bad("startsAt as a number", 400, "POST", "/api/v1/events", event(f"N {tag}", startsAt=12345))
bad("year 10000", 422, "POST", "/api/v1/events", event(f"Y {tag}", startsAt="+10000-01-01T10:00:00Z", endsAt="+10000-01-01T12:00:00Z"))
bad("overlong UTF-8", 400, "POST", "/api/v1/events",
    raw=json.dumps(event(f"U {tag}")).encode().replace(b"Europe/Belgrade", b"Europe\xc0\xafBelgrade"), headers={"Content-Type": "application/json"})
bad("26-digit slug", 422, "POST", "/api/v1/events", event(f"S {tag}", slug="1" * 26))
pid = call("POST", "/api/v1/events", event(f"P {tag}", publicationStatus="DRAFT"))[2]["id"]
bad("PATCH publicationStatus null", 422, "PATCH", f"/api/v1/events/{pid}", {"publicationStatus": None},
    headers={"Content-Type": "application/merge-patch+json"})
check("the draft stayed a draft", call("GET", f"/api/v1/events/{pid}", token=None)[0] == 404)
pub = call("POST", "/api/v1/publications", {"type": "ESSAY", "title": f"C {tag}", "publicationStatus": "PUBLISHED"})[2]["id"]
for accept in ["", ",", "*", "application/x-bibtex;q=2"]:
    st, h, b = call("GET", f"/api/v1/publications/{pub}/citation", token=None, headers={"Accept": accept})
    check(f"citation with Accept {accept!r}: not a 5xx", st < 500, st)
st, h, b = call("POST", "/api/v1/events", event(f"</script><b>{tag}"))
ld = call("GET", f"/api/v1/events/{b['id']}", token=None, headers={"Accept": "application/ld+json"})
ld_text = LAST_RAW  # as sent, before any parsing
check("JSON-LD carries the title, never a literal </script>", ld[0] == 200 and "</script>" not in ld_text
      and "script" in ld_text, (ld[0], ld_text[:200]))
out = raw_socket(b"GET /api/v1/events?q=" + b"x" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
check("100 KB URL: 414 problem", out.startswith(b"HTTP/1.1 414") and b"application/problem+json" in out, out[:120])
out = raw_socket(b"GET /api/v1/events HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"p" * 100000 + b"\r\n\r\n")
check("100 KB of headers: 431 problem", out.startswith(b"HTTP/1.1 431") and b"application/problem+json" in out, out[:120])
out = raw_socket(b"GET /api/v1/events?q=a|b HTTP/1.1\r\nHost: x\r\n\r\n")
check("a target that is not a URI: 400 problem", out.startswith(b"HTTP/1.1 400") and b"application/problem+json" in out, out[:120])
out = raw_socket(b"GET /api/v1/events HTTP/1.1\r\nHost: evil.example\r\n\r\n")
check("Host header not reflected", b"evil.example" not in out)
codes = [call("GET", "/api/v1/events", token="wrong-" + str(i))[0] for i in range(60)]
check("60 invented tokens: 429s after the failed-auth budget", 429 in codes, sorted(set(codes)))
start = time.time()
out = raw_socket(b"GET /api/v1/events HTTP/1.1\r\nHost: x\r\n", read_timeout=40)
check("an unfinished head is cut with a 408 problem", out.startswith(b"HTTP/1.1 408") and b"problem+json" in out,
      (round(time.time() - start, 1), out[:80]))

print(f"\n{results['ok']} passed, {results['failed']} failed; {results['contract']} answers compared with openapi.yaml, "
      f"{results['contract_failed']} not as documented; statuses seen {dict(sorted(seen_statuses.items()))}")
sys.exit(1 if results["failed"] or results["contract_failed"] else 0)
