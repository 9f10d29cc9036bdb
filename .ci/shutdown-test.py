#!/usr/bin/env python3
"""Graceful shutdown: on SIGTERM the requests in flight finish, new ones are refused, nothing is half-written.

Starts the packaged registry (target/quarkus-app/quarkus-run.jar; H2 on a temporary data directory unless
REGISTRY_DB_URL says otherwise, as for .ci/crash-test.py), seeds events so the iCalendar feed takes a while, then
runs 4 writers (POST events) and 2 feed readers without pause and sends SIGTERM to the JVM. Checks:

  - every request sent before the signal got a whole 2xx answer (the feeds end with END:VCALENDAR), including
    those still in flight when it came;
  - no request sent after shutdown began got a 2xx: it was answered 503 or the connection was refused;
  - the process exited by itself within the shutdown timeout;
  - after a restart every acknowledged write is there, and the events and the change stream agree: each event
    written has its CREATE in the stream and each CREATE its event (no write half-done).

Prints check lines and `shutdown test: 4 passed, 0 failed`; exits 0 when all passed, 1 when a check failed, 2 when
the test could not run. Standard library only; about a minute.
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN_TOKEN = "shutdown-test-admin-token-" + uuid.uuid4().hex
SHUTDOWN_TIMEOUT = 30


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Failure(Exception):
    pass


def call(port, method, path, body=None, timeout=30, accept="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Authorization": "Bearer " + ADMIN_TOKEN, "Accept": accept}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def event_body(title, topic, n):
    day = 1 + n % 28
    return {"title": title, "type": "LECTURE", "publicationStatus": "PUBLISHED", "topics": [topic],
            "summary": "A lecture on the long history of the Western Balkans, with questions from the audience.",
            "startsAt": f"2033-04-{day:02d}T18:00:00+02:00", "endsAt": f"2033-04-{day:02d}T19:30:00+02:00",
            "timeZone": "Europe/Belgrade", "venue": {"name": "CIRSD", "city": "Belgrade", "country": "RS"}}


def start(jar, env, log_path, port, timeout=120):
    with open(log_path, "a") as log:
        process = subprocess.Popen(["java", "-jar", jar], env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if process.poll() is not None:
            raise Failure(f"the registry exited with code {process.returncode} at start")
        try:
            if call(port, "GET", "/q/health/ready")[0] == 200:
                return process
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.3)
    raise Failure("the registry did not become ready")


class Load:
    """Writers and feed readers; each request is kept as (sent, answered, outcome)."""

    def __init__(self, port, topic):
        self.port, self.topic = port, topic
        self.lock = threading.Lock()
        self.requests = []  # (kind, sent, done, status or error text, complete)
        self.acknowledged = set()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.write, args=(i,), daemon=True) for i in range(4)]
        self.threads += [threading.Thread(target=self.read, daemon=True) for _ in range(2)]

    def record(self, kind, sent, outcome, complete):
        with self.lock:
            self.requests.append((kind, sent, time.monotonic(), outcome, complete))

    def gone(self):
        """True after the server refused two connections in a row: it has stopped."""
        with self.lock:
            last = self.requests[-2:]
        return len(last) == 2 and all(isinstance(r[3], str) and "Refused" in r[3] for r in last)

    def write(self, client):
        n = 0
        while not self.stopping.is_set() and not self.gone():
            n += 1
            sent = time.monotonic()
            try:
                status, raw = call(self.port, "POST", "/api/v1/events", event_body(f"Shutdown {client} {n}", self.topic, n))
                if status == 201:
                    with self.lock:
                        self.acknowledged.add(json.loads(raw)["id"])
                self.record("write", sent, status, True)
            except (OSError, http.client.HTTPException) as e:
                self.record("write", sent, type(e).__name__, False)
                time.sleep(0.05)

    def read(self):
        while not self.stopping.is_set() and not self.gone():
            sent = time.monotonic()
            try:
                status, raw = call(self.port, "GET", f"/api/v1/feeds/events.ics?topic={self.topic}", accept="text/calendar")
                self.record("feed", sent, status, raw.rstrip().endswith(b"END:VCALENDAR"))
            except (OSError, http.client.HTTPException) as e:
                self.record("feed", sent, type(e).__name__, False)
                time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", default=os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))
    parser.add_argument("--seed", type=int, default=600, help="events written before the load, to make feeds slower")
    args = parser.parse_args()
    if not os.path.isfile(args.jar):
        print(f"shutdown test: no {args.jar}; build it first", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="registry-shutdown-")
    log_path = os.path.join(work, "registry.log")
    port = free_port()
    env = dict(os.environ, QUARKUS_HTTP_PORT=str(port), QUARKUS_HTTP_HOST="127.0.0.1", REGISTRY_DATA_DIR=work,
               REGISTRY_DEMO_DATA="false", REGISTRY_ADMIN_TOKEN=ADMIN_TOKEN, REGISTRY_RATE_LIMIT_ENABLED="false",
               REGISTRY_SHUTDOWN_TIMEOUT=f"{SHUTDOWN_TIMEOUT}S")
    if "REGISTRY_DB_URL" in env:
        env["REGISTRY_DB_URL"] = env["REGISTRY_DB_URL"].replace("{data_dir}", work)
    topic = "s" + uuid.uuid4().hex[:12]
    passed, failed, code, process = 0, 0, 2, None

    def check(name, ok, detail):
        nonlocal passed, failed
        print(f"shutdown test: {name}: {'ok' if ok else 'FAILED'}: {detail}", flush=True)
        ok = bool(ok)
        passed, failed = passed + ok, failed + (not ok)

    try:
        process = start(args.jar, env, log_path, port)
        for n in range(args.seed):
            if call(port, "POST", "/api/v1/events", event_body(f"Seed {n}", topic, n))[0] != 201:
                raise Failure("seeding failed")
        load = Load(port, topic)
        for t in load.threads:
            t.start()
        time.sleep(3)
        signalled = time.monotonic()
        os.kill(process.pid, signal.SIGTERM)
        try:
            exit_code = process.wait(timeout=SHUTDOWN_TIMEOUT + 15)
        except subprocess.TimeoutExpired:
            exit_code = None
        exited = time.monotonic()
        deadline = time.monotonic() + 10
        while any(t.is_alive() for t in load.threads) and time.monotonic() < deadline:
            load.stopping.set()
            time.sleep(0.1)
        requests = list(load.requests)
        # Sent at least 20 ms before the signal: on loopback the server has read such a request by then. (With 0.1 s,
        # as before, a run whose requests all took under 0.1 s counted none in flight and failed.)
        before = [r for r in requests if r[1] < signalled - 0.02]
        in_flight = [r for r in before if r[2] > signalled]
        bad_before = [r for r in before if not (isinstance(r[3], int) and 200 <= r[3] < 300 and r[4])]
        check("requests in flight finish", in_flight and not bad_before,
              f"{len(before)} requests sent before SIGTERM, {len(in_flight)} of them still in flight when it came "
              f"({sum(r[0] == 'feed' for r in in_flight)} feeds, {sum(r[0] == 'write' for r in in_flight)} writes); "
              f"{len(bad_before)} without a whole 2xx answer {[r[3] for r in bad_before[:5]]}")
        after = [r for r in requests if r[1] > signalled + 0.5]
        answered_after = [r for r in after if isinstance(r[3], int) and 200 <= r[3] < 300]
        outcomes = {}
        for r in after:
            outcomes[str(r[3])] = outcomes.get(str(r[3]), 0) + 1
        check("new requests refused", not answered_after, f"requests sent after shutdown began: {outcomes or 'none'}")
        check("process exits", exit_code is not None and exited - signalled <= SHUTDOWN_TIMEOUT + 5,
              f"exit code {exit_code} {exited - signalled:.1f} s after SIGTERM (shutdown timeout {SHUTDOWN_TIMEOUT} s)")

        process = start(args.jar, env, log_path, port)
        listed, cursor = set(), None
        while True:
            status, raw = call(port, "GET", f"/api/v1/events?topic={topic}&limit=100"
                               + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))
            page = json.loads(raw)
            listed |= {e["id"] for e in page["items"]}
            cursor = page.get("nextCursor")
            if not cursor:
                break
        changed, cursor = set(), None
        while True:
            status, raw = call(port, "GET", "/api/v1/changes?type=event&limit=1000"
                               + (f"&after={urllib.parse.quote(cursor)}" if cursor else ""))
            page = json.loads(raw)
            changed |= {c["id"] for c in page["items"] if c["operation"] == "CREATE" and c.get("record")
                        and topic in c["record"].get("topics", [])}
            cursor = page["nextCursor"]
            if not page["items"]:
                break
        lost = load.acknowledged - listed
        check("nothing half-written", not lost and listed == changed,
              f"{len(load.acknowledged)} writes acknowledged under load, {len(lost)} lost; {len(listed)} events listed, "
              f"{len(changed)} CREATEs in the change stream, {len(listed ^ changed)} in one and not the other")
        code = 1 if failed else 0
    except Failure as problem:
        print(f"shutdown test: FAILED: {problem}", file=sys.stderr)
    except (OSError, http.client.HTTPException, ValueError, KeyError) as problem:
        print(f"shutdown test: FAILED: {type(problem).__name__}: {problem}", file=sys.stderr)
    finally:
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
        if code != 0:
            with open(log_path, errors="replace") as f:
                sys.stderr.writelines(f.readlines()[-40:])
            print(f"shutdown test: log kept in {log_path}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"shutdown test: {passed} passed, {failed} failed", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
