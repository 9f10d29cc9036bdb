#!/usr/bin/env python3
"""Two registry instances on one PostgreSQL behave as one.

Starts the packaged registry (target/quarkus-app/quarkus-run.jar, built with REGISTRY_DB_KIND=postgresql) twice on
two ports and the same database (REGISTRY_DB_URL, _USER, _PASSWORD; an empty database is best, .ci/run makes one),
then checks across them:

  writes      an event written on A reads the same (body and ETag) on B at once
  updates     an event and its list read on B (public and staff), then changed on A, read changed on B at once
  idempotency a POST retried on B with A's Idempotency-Key answers A's record again, and stores nothing new
  cursors     list pages alternate between A and B by cursor, every record once
  follower    a follower of the change stream alternating between A and B, while both take writes, sees every
              created event exactly once
  revocation  a token revoked on A is refused by B within one second (each of 3 tries, max printed)
  webhooks    a subscription made on A, events written on A and B: a receiver on loopback gets every change
              once (not once per instance) and in commit order, from whichever instance holds its lease
  budgets     the anonymous request budget (30 a minute here) is one budget for A and B together
  jobs        the change purge scheduled on both every 2 s ran once per turn, not once per instance
  metrics     B's registry_changes_head reaches A's head

Prints one line per check and a summary `two instances: 10 passed, 0 failed`; exits 0 when all passed, 1 when a
check failed, 2 when the instances did not come up. Standard library only; bounded in time (about a minute).
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exchange import exchange  # noqa: E402
from receiver import Receiver  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN_TOKEN = "two-instances-admin-token-" + uuid.uuid4().hex
ANONYMOUS_BUDGET = 30
PURGE_EVERY = 2.0
BUDGET_CLIENT = "127.0.0.7"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", default=os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))
    parser.add_argument("--start-timeout", type=float, default=120.0, help="seconds allowed for /q/health/ready")
    parser.add_argument("--deadline", type=float, default=300.0, help="the run fails past this many seconds")
    parser.add_argument("--keep", action="store_true", help="keep the logs")
    return parser.parse_args()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Failure(Exception):
    """The instances could not be started; exit code 2."""


class Instance:
    def __init__(self, name, jar, env, log_path):
        self.name, self.jar, self.log_path = name, jar, log_path
        self.port = free_port()
        self.env = dict(env, QUARKUS_HTTP_PORT=str(self.port))
        self.process = None

    def start(self):
        log = open(self.log_path, "a")
        try:
            self.process = subprocess.Popen(["java", "-jar", self.jar], env=self.env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        finally:
            log.close()

    def wait_ready(self, timeout):
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            if self.process.poll() is not None:
                raise Failure(f"instance {self.name} exited with code {self.process.returncode}")
            try:
                if self.call("GET", "/q/health/ready", token=None)[0] == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.3)
        raise Failure(f"instance {self.name}: /q/health/ready not UP within {timeout:.0f} s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def call(self, method, path, body=None, token=ADMIN_TOKEN, headers=None, timeout=15, source=None):
        """One request on a fresh connection: (status, headers, parsed JSON or text)."""
        status, answer_headers, raw = exchange(self.port, method, path, body=body, token=token, headers=headers,
                                               timeout=timeout, source=source)
        content = raw.decode(errors="replace")
        if "json" in answer_headers.get("content-type", "") and raw:
            content = json.loads(raw)
        return status, answer_headers, content

    def metrics(self):
        status, _, text = self.call("GET", "/q/metrics", token=None, headers={"Accept": "text/plain"})
        if status != 200:
            raise Failure(f"instance {self.name}: /q/metrics answered {status}")
        return text


def metric(text, series):
    """The value of one series in Prometheus text, 0 when absent."""
    # Prometheus text 0.0.4 may end a label set with a comma: {job="x",}
    m = re.search("^" + re.escape(series) + r" ([0-9.eE+-]+)$", text.replace(",}", "}"), re.MULTILINE)
    return float(m.group(1)) if m else 0.0


def event_body(title, topic):
    return {"title": title, "type": "LECTURE", "publicationStatus": "PUBLISHED",
            "startsAt": "2031-03-10T18:00:00+01:00", "endsAt": "2031-03-10T19:30:00+01:00",
            "timeZone": "Europe/Belgrade", "topics": [topic]}


class Checks:
    def __init__(self):
        self.passed, self.failed = 0, 0

    def check(self, name, ok, detail):
        print(f"two instances: {name}: {'ok' if ok else 'FAILED'}: {detail}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1


def check_writes(a, b, checks, tag):
    status, headers, created = a.call("POST", "/api/v1/events", event_body(f"Written on A {tag}", tag))
    if status != 201:
        checks.check("writes", False, f"POST on A answered {status}: {created}")
        return
    status_b, headers_b, read = b.call("GET", f"/api/v1/events/{created['id']}")
    same = status_b == 200 and read.get("title") == created["title"] and headers_b.get("etag") == headers.get("etag")
    checks.check("writes", same, f"created on A {created['id']}, B answered {status_b} with ETag {headers_b.get('etag')}"
                 f" (A's {headers.get('etag')})")


def check_updates(a, b, checks, tag):
    """Answers each instance keeps rendered (by change position) never outlive a change made on the other."""
    topic = tag + "kept"
    _, _, created = a.call("POST", "/api/v1/events", event_body(f"Before {tag}", topic))
    path, listing = f"/api/v1/events/{created['id']}", f"/api/v1/events?topic={topic}"
    for token in (None, ADMIN_TOKEN):  # B keeps the public and the staff answers
        b.call("GET", path, token=token)
        b.call("GET", listing, token=token)
    status, _, _ = a.call("PATCH", path, {"title": f"After {tag}"}, headers={"Content-Type": "application/merge-patch+json"})
    seen = []
    for token in (None, ADMIN_TOKEN):
        _, _, one = b.call("GET", path, token=token)
        _, _, page = b.call("GET", listing, token=token)
        seen += [one.get("title"), (page.get("items") or [{}])[0].get("title")]
    checks.check("updates", status == 200 and seen == [f"After {tag}"] * 4,
                 f"patched on A ({status}); B then answered titles {seen} (public and staff, the event and its list)")


def check_idempotency(a, b, checks, tag):
    key = "two-instances-" + uuid.uuid4().hex
    body = event_body(f"Idempotent {tag}", tag + "i")
    s1, _, first = a.call("POST", "/api/v1/events", body, headers={"Idempotency-Key": key})
    s2, _, second = b.call("POST", "/api/v1/events", body, headers={"Idempotency-Key": key})
    _, _, listed = b.call("GET", f"/api/v1/events?topic={tag}i&limit=10")
    count = len(listed.get("items", [])) if isinstance(listed, dict) else -1
    ok = s1 == 201 and s2 in (200, 201) and isinstance(second, dict) and second.get("id") == first.get("id") and count == 1
    checks.check("idempotency", ok, f"A answered {s1} {first.get('id') if isinstance(first, dict) else first}, the retry on B "
                 f"{s2} {second.get('id') if isinstance(second, dict) else second}; {count} record stored")


def check_cursors(a, b, checks, tag):
    topic = tag + "c"
    made = set()
    for n in range(7):
        status, _, created = a.call("POST", "/api/v1/events", event_body(f"Paged {n} {tag}", topic))
        if status == 201:
            made.add(created["id"])
    seen, pages, cursor, instances = [], 0, None, [a, b]
    while pages < 10:
        path = f"/api/v1/events?topic={topic}&limit=2" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        status, _, page = instances[pages % 2].call("GET", path)
        pages += 1
        if status != 200:
            checks.check("cursors", False, f"page {pages} on {instances[(pages - 1) % 2].name} answered {status}: {page}")
            return
        seen += [item["id"] for item in page["items"]]
        cursor = page.get("nextCursor")
        if not cursor:
            break
    ok = sorted(seen) == sorted(made) and len(made) == 7
    checks.check("cursors", ok, f"{pages} pages alternating A and B, {len(seen)} records seen of {len(made)} made, "
                 f"{len(seen) - len(set(seen))} twice")


def check_follower(a, b, checks, tag):
    topic = tag + "f"
    status, _, start = a.call("GET", "/api/v1/changes?after=now&limit=1")
    cursor = start["nextCursor"]
    made, lock, errors = set(), threading.Lock(), []

    def writer(instance, count):
        for n in range(count):
            s, _, created = instance.call("POST", "/api/v1/events", event_body(f"Followed {instance.name} {n} {tag}", topic))
            if s == 201:
                with lock:
                    made.add(created["id"])
            else:
                errors.append(s)

    threads = [threading.Thread(target=writer, args=(x, 15)) for x in (a, b)]
    for t in threads:
        t.start()
    seen, reads, instances, quiet = [], 0, [a, b], 0
    writing = True
    while reads < 400:
        status, _, page = instances[reads % 2].call("GET", f"/api/v1/changes?limit=4&type=event&after={urllib.parse.quote(cursor)}")
        reads += 1
        if status != 200:
            checks.check("follower", False, f"read {reads} answered {status}: {page}")
            return
        seen += [c["id"] for c in page["items"]
                 if c["operation"] == "CREATE" and c.get("record") and topic in c["record"].get("topics", [])]
        cursor = page["nextCursor"]
        writing = any(t.is_alive() for t in threads)
        if not page["items"] and not writing:
            quiet += 1
            if quiet >= 2:
                break
        time.sleep(0.02)
    for t in threads:
        t.join()
    creates = [i for i in seen if i in made]
    ok = set(creates) == made and len(creates) == len(set(creates)) and not errors and len(made) == 30
    checks.check("follower", ok, f"{reads} reads alternating A and B while both wrote; {len(made)} events created, "
                 f"{len(set(creates))} seen, {len(creates) - len(set(creates))} twice, write errors {errors}")


def check_revocation(a, b, checks, tag):
    worst, details = 0.0, []
    for n in range(3):
        status, _, token = a.call("POST", "/api/v1/admin/tokens", {"name": f"revoked {n} {tag}", "role": "PARTNER"})
        secret, token_id = token["token"], token["id"]
        if b.call("GET", "/api/v1/events?limit=1", token=secret)[0] != 200:
            checks.check("revocation", False, "a fresh token was refused on B")
            return
        revoked = a.call("DELETE", f"/api/v1/admin/tokens/{token_id}")[0]
        began = time.monotonic()
        refused = None
        while time.monotonic() - began < 5:
            if b.call("GET", "/api/v1/events?limit=1", token=secret)[0] == 401:
                refused = time.monotonic() - began
                break
            time.sleep(0.02)
        if revoked != 204 or refused is None:
            checks.check("revocation", False, f"revoke answered {revoked}; B still accepted the token after 5 s")
            return
        worst = max(worst, refused)
        details.append(f"{refused * 1000:.0f} ms")
    checks.check("revocation", worst <= 1.0, f"B refused tokens revoked on A after {', '.join(details)} (limit 1000 ms)")


def deliveries(receiver):
    """(message id, change as id@version) of every delivery so far."""
    out = []
    for headers, body in receiver.snapshot():
        data = json.loads(body).get("data", {})
        out.append((headers.get("webhook-id", ""), f"{data.get('id')}@{data.get('version')}"))
    return out


def check_webhooks(a, b, checks, tag):
    """Deliveries run once across the instances: every change reaches the receiver once and in commit order."""
    receiver = Receiver()
    subscription = {}
    try:
        status, _, subscription = a.call("POST", "/api/v1/webhooks", {"url": receiver.url, "types": ["event.*"]})
        if status != 201:
            checks.check("webhooks", False, f"subscribing on A answered {status}: {subscription}")
            return
        _, _, start = a.call("GET", "/api/v1/changes?after=now&limit=1")
        cursor = start["nextCursor"]
        made = []
        for n in range(20):
            instance = (a, b)[n % 2]
            s, _, created = instance.call("POST", "/api/v1/events", event_body(f"Delivered {instance.name} {n} {tag}", tag + "w"))
            if s == 201:
                made.append(created["id"])
        committed = []
        while True:
            _, _, page = b.call("GET", f"/api/v1/changes?type=event&limit=1000&after={urllib.parse.quote(cursor)}")
            committed += [f"{c['id']}@{c['version']}" for c in page["items"]]
            cursor = page["nextCursor"]
            if not page["more"]:
                break
        began = time.monotonic()
        while time.monotonic() - began < 20 and not set(committed) <= {c for _, c in deliveries(receiver)}:
            time.sleep(0.2)
        time.sleep(1.0)  # time for a second delivery of the last changes, were there one
        arrivals = deliveries(receiver)
        wanted = set(committed)
        delivered = [c for _, c in arrivals if c in wanted]
        first = list(dict.fromkeys(delivered))
        twice = len(delivered) - len(first)
        ids_twice = len(arrivals) - len({m for m, _ in arrivals})
        in_order = first == [c for c in committed if c in set(first)]
        created = {c.split("@")[0] for c in committed}
        ok = len(made) == 20 and set(made) <= created and first == committed and twice == 0 and ids_twice == 0
        checks.check("webhooks", ok, f"{len(made)} events written alternating A and B, {len(committed)} changes committed, "
                     f"{len(first)} delivered {'in commit order' if in_order else 'OUT OF ORDER'}, {twice} delivered twice, "
                     f"{ids_twice} message ids received twice")
    finally:
        # No delivery of the later checks' writes is attempted to a receiver that is gone.
        if isinstance(subscription, dict) and subscription.get("id"):
            a.call("DELETE", f"/api/v1/webhooks/{subscription['id']}")
        receiver.close()


def check_budget(a, b, checks):
    # An anonymous budget is per client address: this check sends from a loopback address of its own, so the
    # anonymous reads of the checks before it (and the refill meanwhile) do not count.
    statuses = {a.name: [], b.name: []}
    began = time.monotonic()
    for n in range(ANONYMOUS_BUDGET + 20):
        instance = (a, b)[n % 2]
        statuses[instance.name].append(instance.call("GET", "/api/v1/events?limit=1", token=None,
                                                     source=BUDGET_CLIENT)[0])
    elapsed = time.monotonic() - began
    allowed = sum(s == 200 for v in statuses.values() for s in v)
    refused = {k: sum(s == 429 for s in v) for k, v in statuses.items()}
    # The bucket refills one request each 60/budget seconds while the loop runs.
    ceiling = ANONYMOUS_BUDGET + int(elapsed * ANONYMOUS_BUDGET / 60) + 1
    ok = ANONYMOUS_BUDGET - 1 <= allowed <= ceiling and all(r > 0 for r in refused.values())
    checks.check("budgets", ok, f"{ANONYMOUS_BUDGET + 20} anonymous requests alternating A and B in {elapsed:.1f} s: {allowed} "
                 f"answered (one budget of {ANONYMOUS_BUDGET}, at most {ceiling} with refill), 429s: {refused}")


def check_jobs(a, b, checks):
    ran, skipped, uptime, lines = 0.0, 0.0, [], []
    for instance in (a, b):
        text = instance.metrics()
        lines += [f"{instance.name}: {line}" for line in text.splitlines() if line.startswith("registry_jobs_runs_total")]
        ran += metric(text, 'registry_jobs_runs_total{job="change-purge",outcome="ran"}')
        skipped += metric(text, 'registry_jobs_runs_total{job="change-purge",outcome="skipped"}')
        uptime.append(metric(text, "process_uptime_seconds"))
    # Each instance fires every period; one turn is taken per period, so about half the fires run. Without the
    # lease every fire would run (skipped 0).
    fires = ran + skipped
    ok = ran >= 2 and ran <= fires / 2 + 2
    checks.check("jobs", ok, f"the purge scheduled every {PURGE_EVERY:.0f} s on both instances fired {fires:.0f} times in "
                 f"{max(uptime):.0f} s of uptime: {ran:.0f} ran, {skipped:.0f} skipped as another had the turn"
                 + ("" if ok else f"; {lines}"))


def check_metrics(a, b, checks):
    began = time.monotonic()
    head_a = metric(a.metrics(), "registry_changes_head")
    head_b = 0.0
    while time.monotonic() - began < 12:
        head_b = metric(b.metrics(), "registry_changes_head")
        if head_b >= head_a:
            break
        time.sleep(0.5)
    checks.check("metrics", head_a > 0 and head_b >= head_a,
                 f"registry_changes_head on A {head_a:.0f}, on B {head_b:.0f} after {time.monotonic() - began:.1f} s")


def tail(path, lines=40):
    try:
        with open(path, errors="replace") as f:
            content = f.readlines()
    except OSError:
        return
    print(f"---- last {min(lines, len(content))} lines of {path} ----", file=sys.stderr)
    sys.stderr.writelines(content[-lines:])


def main():
    args = parse_args()
    if not os.path.isfile(args.jar):
        print(f"two instances: no {args.jar}; build it with REGISTRY_DB_KIND=postgresql", file=sys.stderr)
        return 2
    if not os.environ.get("REGISTRY_DB_URL", "").startswith("jdbc:postgresql:"):
        print("two instances: set REGISTRY_DB_URL to a PostgreSQL database (the embedded H2 is one instance's)", file=sys.stderr)
        return 2
    began = time.monotonic()
    work = tempfile.mkdtemp(prefix="registry-two-")
    env = dict(os.environ)
    env.update({
        "QUARKUS_HTTP_HOST": "127.0.0.1",
        "REGISTRY_DEMO_DATA": "false",
        "REGISTRY_ADMIN_TOKEN": ADMIN_TOKEN,
        "REGISTRY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": str(ANONYMOUS_BUDGET),
        "REGISTRY_CHANGES_PURGE_INTERVAL": f"PT{PURGE_EVERY:.0f}S",
        "REGISTRY_WEBHOOKS_ALLOW_PRIVATE_TARGETS": "true",
        "REGISTRY_WEBHOOKS_POLL_INTERVAL": "PT0.5S",
    })
    # One database, and a data folder each: the embedded search index is one instance's (a second instance on the
    # same folder is refused the index and stays unready).
    a = Instance("A", args.jar, dict(env, REGISTRY_DATA_DIR=os.path.join(work, "a")), os.path.join(work, "a.log"))
    b = Instance("B", args.jar, dict(env, REGISTRY_DATA_DIR=os.path.join(work, "b")), os.path.join(work, "b.log"))
    checks = Checks()
    code = 2
    try:
        a.start()
        b.start()
        a.wait_ready(args.start_timeout)
        b.wait_ready(args.start_timeout)
        print(f"two instances: A on 127.0.0.1:{a.port}, B on 127.0.0.1:{b.port}, one database, logs in {work}", flush=True)
        tag = "t" + uuid.uuid4().hex[:12]
        for step in (check_writes, check_updates, check_idempotency, check_cursors, check_follower, check_revocation,
                     check_webhooks):
            step(a, b, checks, tag)
        check_budget(a, b, checks)
        # Let the purge come round a few more times before its runs are counted.
        time.sleep(max(0.0, 16 - (time.monotonic() - began)))
        check_jobs(a, b, checks)
        check_metrics(a, b, checks)
        if time.monotonic() - began > args.deadline:
            raise Failure(f"over the {args.deadline:.0f} s deadline")
        code = 1 if checks.failed else 0
    except Failure as problem:
        print(f"two instances: FAILED: {problem}", file=sys.stderr)
    except (OSError, http.client.HTTPException, ValueError, KeyError, TypeError) as problem:
        print(f"two instances: FAILED: {type(problem).__name__}: {problem}", file=sys.stderr)
    finally:
        a.stop()
        b.stop()
        if code != 0:
            tail(a.log_path)
            tail(b.log_path)
        if code != 0 or args.keep:
            print(f"two instances: logs kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    sys.stderr.flush()
    print(f"two instances: {checks.passed} passed, {checks.failed} failed", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
