#!/usr/bin/env python3
"""Crash test: no write the registry acknowledged (201) is lost when its process is killed.

Starts the packaged registry (target/quarkus-app/quarkus-run.jar), lets 4 client threads POST
events with unique titles and note the id of every 201, kills the java process with SIGKILL
after a few seconds of load, restarts it on the same data, and repeats (3 kills by default).
After the last restart it GETs every acknowledged id as the admin: a 404 is a lost write. Then it
checks the search index caught up from its persisted cursor: every acknowledged event is found by
/api/v1/search, and the index holds exactly the events the database holds.

Database: H2 on a fresh temporary data directory, unless REGISTRY_DB_URL says otherwise. For
PostgreSQL, build the jar with REGISTRY_DB_KIND=postgresql and set REGISTRY_DB_URL, _USER and
_PASSWORD (an empty database is best; .ci/run makes one). In REGISTRY_DB_URL, `{data_dir}` stands
for the temporary data directory, so an H2 URL with other settings can be tried:

  REGISTRY_DB_URL='jdbc:h2:file:{data_dir}/registry;MODE=PostgreSQL;...' .ci/crash-test.py

Prints one line `crash test (h2): 3 kills, 712 acknowledged writes, 0 lost` and exits 0 when
nothing was lost, 1 when a write was lost (or read back wrong), 2 when the registry did not come
up or the test could not run. The registry's log goes to a file whose tail is printed on
failure. Standard library only; bounded in time (about a minute with the defaults).
"""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN_TOKEN = "crash-test-admin-token-" + uuid.uuid4().hex
CLIENTS = 4


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", default=os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))
    parser.add_argument("--kills", type=int, default=3, help="SIGKILLs to survive (default 3)")
    parser.add_argument("--load-seconds", type=float, default=5.0, help="seconds of load before each kill")
    parser.add_argument("--start-timeout", type=float, default=60.0, help="seconds allowed for /q/health/ready")
    parser.add_argument("--deadline", type=float, default=240.0, help="the run fails past this many seconds")
    parser.add_argument("--log", help="file for the registry's log (default: in a temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    return parser.parse_args()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Failure(Exception):
    """The registry could not be started or checked; exit code 2."""


class Registry:
    """The java process itself (not a shell around it), so SIGKILL hits the JVM holding the data."""

    def __init__(self, jar, env, log_path):
        self.jar, self.env, self.log_path = jar, env, log_path
        self.process = None
        self.starts = 0

    def start(self, timeout):
        self.starts += 1
        with open(self.log_path, "a") as log:
            log.write(f"\n===== crash test: start #{self.starts} =====\n")
        log = open(self.log_path, "a")
        try:
            self.process = subprocess.Popen(["java", "-jar", self.jar], env=self.env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        finally:
            log.close()
        port = int(self.env["QUARKUS_HTTP_PORT"])
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            if self.process.poll() is not None:
                raise Failure(f"the registry exited with code {self.process.returncode} during start #{self.starts}")
            try:
                status, _ = request(port, "GET", "/q/health/ready", timeout=2)
                if status == 200:
                    return time.monotonic() - began
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.2)
        raise Failure(f"/q/health/ready not UP within {timeout:.0f} s (start #{self.starts})")

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        with open(self.log_path, "a") as log:
            log.write(f"\n===== crash test: SIGKILL to pid {self.process.pid} =====\n")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def request(port, method, path, body=None, timeout=10, connection=None):
    """One request; returns (status, body bytes). Uses a given keep-alive connection if any."""
    own = connection is None
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Authorization": "Bearer " + ADMIN_TOKEN, "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


def event_body(title, n):
    """An event like src/bench/seed.py makes."""
    day, month = 1 + n % 28, 1 + (n // 28) % 12
    return {
        "title": title,
        "summary": "A conversation on great-power competition, with questions from the audience.",
        "type": ["CONFERENCE", "PANEL", "LECTURE", "DISCUSSION"][n % 4],
        "startsAt": f"2027-{month:02d}-{day:02d}T18:00:00+01:00",
        "endsAt": f"2027-{month:02d}-{day:02d}T19:30:00+01:00",
        "timeZone": "Europe/Belgrade",
        "venue": {"name": "CIRSD", "city": "Belgrade", "country": "RS"},
        "topics": ["Multipolarity", "Western Balkans"],
        "series": "Horizons Discussions",
    }


class Writers:
    """CLIENTS threads POSTing events without pause; every 201 is an acknowledged write."""

    def __init__(self, port, run):
        self.port, self.run = port, run
        self.lock = threading.Lock()
        self.acknowledged = {}  # id -> title
        self.refused = 0  # no answer: connection refused or cut by the kill (expected)
        self.answers = {}  # status -> count, for every answer other than 201
        self.samples = {}  # status -> first body seen
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.loop, args=(i,), daemon=True) for i in range(CLIENTS)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def loop(self, client):
        n = 0
        conn = None
        while not self.stopping.is_set():
            n += 1
            title = f"Crash test {self.run} client {client} event {n}"
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                status, raw = request(self.port, "POST", "/api/v1/events", event_body(title, n), connection=conn)
            except (OSError, http.client.HTTPException):
                # The registry is down or was killed while this request was in flight: not acknowledged.
                with self.lock:
                    self.refused += 1
                if conn is not None:
                    conn.close()
                    conn = None
                time.sleep(0.05)
                continue
            with self.lock:
                if status == 201:
                    self.acknowledged[json.loads(raw)["id"]] = title
                else:
                    self.answers[status] = self.answers.get(status, 0) + 1
                    self.samples.setdefault(status, raw[:500].decode(errors="replace"))
        if conn is not None:
            conn.close()


def verify(port, acknowledged, deadline):
    """GETs every acknowledged id as the admin: (lost ids, wrong ids, other answers)."""
    lost, wrong, other = [], [], []
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        for event_id, title in acknowledged.items():
            if time.monotonic() > deadline:
                raise Failure("over the deadline while reading the acknowledged writes back")
            status, raw = request(port, "GET", f"/api/v1/events/{event_id}", connection=conn)
            if status == 404:
                lost.append(event_id)
            elif status != 200:
                other.append((event_id, status))
            elif json.loads(raw).get("title") != title:
                wrong.append(event_id)
    finally:
        conn.close()
    return lost, wrong, other


def verify_search(port, acknowledged, deadline):
    """Waits for the index to reach the log's head, then pages through every event it finds:
    (acknowledged ids it does not find, events it finds, events the database lists)."""
    while True:
        status, raw = request(port, "GET", "/api/v1/admin/search")
        if status == 200 and json.loads(raw)["changesBehind"] == 0 and not json.loads(raw)["rebuilding"]:
            break
        if time.monotonic() > deadline:
            raise Failure(f"the search index did not catch up: {status} {raw[:300]!r}")
        time.sleep(0.5)
    found = {item["id"] for item in walk(port, "/api/v1/search?type=event&limit=100")}
    return [i for i in acknowledged if i not in found], len(found), count_events(port)


def walk(port, path):
    """Every item of a cursor-paged list, page after page."""
    cursor = None
    while True:
        page_path = path + (f"&cursor={cursor}" if cursor else "")
        status, raw = request(port, "GET", page_path)
        if status != 200:
            raise Failure(f"GET {page_path} answered {status}: {raw[:300]!r}")
        page = json.loads(raw)
        yield from page["items"]
        cursor = page.get("nextCursor")
        if not cursor:
            return


def count_events(port):
    """How many events the database lists: the list's total when exact (lists count up to
    registry.list-total-limit, 1,000 by default), otherwise every page walked."""
    status, raw = request(port, "GET", "/api/v1/events?limit=1")
    page = json.loads(raw)
    if page.get("totalExact", True):
        return page["total"]
    return sum(1 for _ in walk(port, "/api/v1/events?limit=100"))


def database_kind(log_path):
    """The database the registry really used, from Flyway's `Database: jdbc:<kind>:...` line."""
    with open(log_path, errors="replace") as log:
        kinds = re.findall(r"Database: jdbc:(\w+):", log.read())
    return kinds[-1] if kinds else "unknown"


def tail(path, lines=60):
    try:
        with open(path, errors="replace") as f:
            content = f.readlines()
    except OSError:
        return
    print(f"---- last {min(lines, len(content))} lines of {path} ----", file=sys.stderr)
    sys.stderr.writelines(content[-lines:])
    print("---- end of log ----", file=sys.stderr)


def main():
    args = parse_args()
    if not os.path.isfile(args.jar):
        print(f"crash test: no {args.jar}; build it first: ./mvnw -B -ntp -DskipTests package", file=sys.stderr)
        return 2
    if shutil.which("java") is None:
        print("crash test: no java on the PATH", file=sys.stderr)
        return 2
    if args.kills < 1:
        print("crash test: --kills must be at least 1", file=sys.stderr)
        return 2
    began = time.monotonic()
    data_dir = tempfile.mkdtemp(prefix="registry-crash-")
    log_path = args.log or os.path.join(data_dir, "registry.log")
    port = free_port()
    env = dict(os.environ)
    env.update({
        "QUARKUS_HTTP_PORT": str(port),
        "QUARKUS_HTTP_HOST": "127.0.0.1",
        "REGISTRY_DATA_DIR": data_dir,
        "REGISTRY_DEMO_DATA": "false",
        "REGISTRY_ADMIN_TOKEN": ADMIN_TOKEN,
        "REGISTRY_RATE_LIMIT_ENABLED": "false",
    })
    if "REGISTRY_DB_URL" in env:
        env["REGISTRY_DB_URL"] = env["REGISTRY_DB_URL"].replace("{data_dir}", data_dir)
    registry = Registry(args.jar, env, log_path)
    writers = Writers(port, uuid.uuid4().hex[:8])
    failed = True
    kind = "unknown"
    try:
        registry.start(args.start_timeout)
        kind = database_kind(log_path)
        expected = os.environ.get("REGISTRY_DB_KIND")
        if expected and expected != kind:
            # A jar built for another kind, or a URL pointing elsewhere: the result would be about the wrong database.
            raise Failure(f"REGISTRY_DB_KIND is {expected} but the registry runs on {kind}; build the jar with it set")
        print(f"crash test ({kind}): registry up on 127.0.0.1:{port}, log {log_path}", flush=True)
        writers.start()
        for kill in range(1, args.kills + 1):
            # Load right up to the kill, so requests are in flight and commits under way when it lands.
            time.sleep(args.load_seconds)
            with writers.lock:
                before = len(writers.acknowledged)
            registry.kill()
            if kill == args.kills:
                # Stop writing at the last kill: every write counted below was made before some kill.
                writers.stop()
            startup = registry.start(args.start_timeout)
            print(f"crash test ({kind}): kill {kill}: {before} acknowledged so far, back up in {startup:.1f} s", flush=True)
            if time.monotonic() - began > args.deadline:
                raise Failure(f"over the {args.deadline:.0f} s deadline")
        acknowledged = dict(writers.acknowledged)
        if not acknowledged:
            raise Failure("no write was acknowledged at all")
        lost, wrong, other = verify(port, acknowledged, began + args.deadline)
        unsearchable, indexed, listed = verify_search(port, acknowledged, began + args.deadline)
        print(f"crash test ({kind}): search finds {indexed} events, the database lists {listed}, "
              f"{len(unsearchable)} acknowledged not found", flush=True)
        for event_id in unsearchable[:10]:
            print(f"crash test ({kind}): {event_id} is not found by search", file=sys.stderr)
        if not (unsearchable or indexed != listed) and os.environ.get("REGISTRY_SEARCH_ENGINE", "lucene") == "lucene":
            # An embedded index that is gone is rebuilt from the database at start.
            registry.kill()
            shutil.rmtree(os.path.join(data_dir, "search"))
            registry.start(args.start_timeout)
            unsearchable, indexed, listed = verify_search(port, acknowledged, began + args.deadline)
            print(f"crash test ({kind}): index folder deleted: rebuilt at start, search finds {indexed} events, "
                  f"{len(unsearchable)} acknowledged not found", flush=True)
        noise = ", ".join(f"{count} x {status}" for status, count in sorted(writers.answers.items()))
        print(f"crash test ({kind}): clients saw {writers.refused} requests without an answer (expected around kills)"
              + (f" and these non-201 answers: {noise}" if noise else ", no non-201 answers"), flush=True)
        for status, sample in sorted(writers.samples.items()):
            print(f"crash test ({kind}): first {status} body: {sample}", file=sys.stderr)
        for event_id in lost[:10]:
            print(f"crash test ({kind}): lost {event_id} ({acknowledged[event_id]})", file=sys.stderr)
        for event_id in wrong[:10]:
            print(f"crash test ({kind}): {event_id} read back with another title", file=sys.stderr)
        for event_id, status in other[:10]:
            print(f"crash test ({kind}): GET {event_id} answered {status}", file=sys.stderr)
        summary = (f"crash test ({kind}): {args.kills} kills, {len(acknowledged)} acknowledged writes, {len(lost)} lost"
                   + (f", {len(wrong)} wrong" if wrong else "") + (f", {len(other)} unreadable" if other else ""))
        failed = bool(lost or wrong or other or unsearchable or indexed != listed)
        code = 1 if failed else 0
    except Failure as problem:
        summary = f"crash test ({kind}): FAILED: {problem}"
        code = 2
    except (OSError, http.client.HTTPException, ValueError) as problem:
        # The registry stopped answering (or answered garbage) outside a kill: not a result either way.
        summary = f"crash test ({kind}): FAILED: {type(problem).__name__}: {problem}"
        code = 2
    finally:
        writers.stopping.set()
        registry.stop()
        if failed:
            tail(log_path)
        if failed or args.keep:
            print(f"crash test: data and log kept in {data_dir}", file=sys.stderr)
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    # The summary comes last, after any log tail, so it is the line a CI log ends with.
    sys.stderr.flush()
    print(summary, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
