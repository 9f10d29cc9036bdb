#!/usr/bin/env python3
"""Webhook crash test: a registry killed mid-delivery loses no change and reorders none.

Starts the packaged registry (target/quarkus-app/quarkus-run.jar) with private webhook targets allowed, runs a
webhook receiver on loopback, subscribes it to every event change, and lets 2 client threads POST events
while the receiver answers a little slowly (so deliveries are in flight). The java process is SIGKILLed
after a few seconds of load, restarted on the same data, and so on (3 kills by default). After the last
restart the writes stop and the test waits until the receiver has every change of the public change stream,
then checks: every change delivered, every acknowledged event among them, each delivery's signature valid,
and the first arrival of each change in commit order. Duplicates are allowed (delivery is at least once) and
counted.

Database: H2 on a fresh temporary data directory, unless REGISTRY_DB_URL says otherwise (as .ci/crash-test.py).
Prints one line `webhook crash test (h2): 3 kills, 412 changes, 412 delivered in order, 3 duplicates, 0 lost`
and exits 0 when nothing was lost or reordered, 1 when something was, 2 when the test could not run.
Standard library only; bounded in time (about a minute and a half with the defaults).
"""
import argparse
import base64
import hashlib
import hmac
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
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from receiver import Receiver  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN_TOKEN = "webhook-crash-admin-token-" + uuid.uuid4().hex
CLIENTS = 2


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", default=os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))
    parser.add_argument("--kills", type=int, default=3, help="SIGKILLs to survive (default 3)")
    parser.add_argument("--load-seconds", type=float, default=4.0, help="seconds of load before each kill")
    parser.add_argument("--answer-ms", type=float, default=20.0, help="how long the receiver takes to answer")
    parser.add_argument("--start-timeout", type=float, default=60.0)
    parser.add_argument("--deadline", type=float, default=240.0, help="the run fails past this many seconds")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    return parser.parse_args()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Failure(Exception):
    """The registry could not be started or checked; exit code 2."""


def request(port, method, path, body=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
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
        conn.close()


class Registry:
    def __init__(self, jar, env, log_path):
        self.jar, self.env, self.log_path = jar, env, log_path
        self.process = None
        self.starts = 0

    def start(self, timeout):
        self.starts += 1
        log = open(self.log_path, "a")
        try:
            log.write(f"\n===== webhook crash test: start #{self.starts} =====\n")
            log.flush()
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

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def changes(receiver, secret):
    """The change (id@version) of every delivery so far, and how many carried no valid signature."""
    key = base64.b64decode(secret[len("whsec_"):])
    arrivals, bad = [], 0
    for headers, body in receiver.snapshot():
        message_id, timestamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "")
        expected = base64.b64encode(hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
        if not any(s.split(",", 1)[-1] == expected for s in headers.get("webhook-signature", "").split(" ")):
            bad += 1
        data = json.loads(body).get("data", {})
        arrivals.append(f"{data.get('id')}@{data.get('version')}")
    return arrivals, bad


def event_body(title, n):
    day, month = 1 + n % 28, 1 + (n // 28) % 12
    return {"title": title, "type": "LECTURE", "startsAt": f"2027-{month:02d}-{day:02d}T18:00:00+01:00",
            "endsAt": f"2027-{month:02d}-{day:02d}T19:30:00+01:00", "timeZone": "Europe/Belgrade", "topics": ["Webhooks"]}


class Writers:
    def __init__(self, port, run):
        self.port, self.run = port, run
        self.lock = threading.Lock()
        self.acknowledged = set()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.loop, args=(i,), daemon=True) for i in range(CLIENTS)]

    def start(self):
        for t in self.threads:
            t.start()

    def stop(self):
        self.stopping.set()
        for t in self.threads:
            t.join(timeout=15)

    def loop(self, client):
        n = 0
        while not self.stopping.is_set():
            n += 1
            try:
                status, raw = request(self.port, "POST", "/api/v1/events", event_body(f"Webhook crash {self.run} {client} {n}", n))
            except (OSError, http.client.HTTPException):
                time.sleep(0.05)
                continue
            if status == 201:
                with self.lock:
                    self.acknowledged.add(json.loads(raw)["id"])


def stream(port, cursor):
    """Every event change after the cursor, in commit order, as id@version."""
    changes = []
    while True:
        status, raw = request(port, "GET", f"/api/v1/changes?type=event&limit=1000&after={cursor}")
        if status != 200:
            raise Failure(f"/api/v1/changes answered {status}")
        page = json.loads(raw)
        changes += [f"{c['id']}@{c['version']}" for c in page["items"]]
        cursor = page["nextCursor"]
        if not page["more"]:
            return changes


def main():
    args = parse_args()
    if not os.path.isfile(args.jar):
        print(f"webhook crash test: no {args.jar}; build it first: ./mvnw -B -ntp -DskipTests package", file=sys.stderr)
        return 2
    began = time.monotonic()
    data_dir = tempfile.mkdtemp(prefix="registry-webhook-crash-")
    log_path = os.path.join(data_dir, "registry.log")
    port = free_port()
    env = dict(os.environ)
    env.update({
        "QUARKUS_HTTP_PORT": str(port), "QUARKUS_HTTP_HOST": "127.0.0.1", "REGISTRY_DATA_DIR": data_dir,
        "REGISTRY_DEMO_DATA": "false", "REGISTRY_ADMIN_TOKEN": ADMIN_TOKEN, "REGISTRY_RATE_LIMIT_ENABLED": "false",
        "REGISTRY_WEBHOOKS_ALLOW_PRIVATE_TARGETS": "true",
        # A killed instance's lease runs out quickly, so the restarted one takes the subscription over soon.
        "REGISTRY_WEBHOOKS_LEASE": "PT5S", "REGISTRY_WEBHOOKS_CONNECT_TIMEOUT": "PT1S", "REGISTRY_WEBHOOKS_TIMEOUT": "PT2S",
        "REGISTRY_WEBHOOKS_RETRY_DELAY": "PT0.2S", "REGISTRY_WEBHOOKS_RETRY_DELAY_MAX": "PT1S",
        "REGISTRY_WEBHOOKS_POLL_INTERVAL": "PT0.5S",
    })
    if "REGISTRY_DB_URL" in env:
        env["REGISTRY_DB_URL"] = env["REGISTRY_DB_URL"].replace("{data_dir}", data_dir)
    registry = Registry(args.jar, env, log_path)
    receiver = Receiver(args.answer_ms)
    writers = None
    kind = os.environ.get("REGISTRY_DB_KIND", "h2")
    failed = True
    try:
        registry.start(args.start_timeout)
        status, raw = request(port, "POST", "/api/v1/webhooks", {"url": receiver.url, "types": ["event.*"]})
        if status != 201:
            raise Failure(f"subscribing answered {status}: {raw[:300]!r}")
        secret = json.loads(raw)["secret"]
        status, raw = request(port, "GET", "/api/v1/changes?after=now")
        cursor = json.loads(raw)["nextCursor"]
        print(f"webhook crash test ({kind}): registry up on 127.0.0.1:{port}, receiver {receiver.url}, log {log_path}", flush=True)
        writers = Writers(port, uuid.uuid4().hex[:8])
        writers.start()
        for kill in range(1, args.kills + 1):
            time.sleep(args.load_seconds)
            delivered = len(receiver.snapshot())
            registry.kill()
            if kill == args.kills:
                writers.stop()
            startup = registry.start(args.start_timeout)
            print(f"webhook crash test ({kind}): kill {kill} with {delivered} deliveries received, back up in {startup:.1f} s", flush=True)
        committed = stream(port, cursor)
        if not committed:
            raise Failure("no change was committed")
        wanted = set(committed)
        while time.monotonic() - began < args.deadline:
            arrivals, _ = changes(receiver, secret)
            if wanted <= set(arrivals):
                break
            time.sleep(0.5)
        arrivals, bad = changes(receiver, secret)
        first = []
        seen = set()
        for a in arrivals:
            if a not in seen:
                seen.add(a)
                first.append(a)
        lost = [c for c in committed if c not in seen]
        order_ok = [a for a in first if a in wanted] == [c for c in committed if c in seen]
        created_ids = {c.split("@")[0] for c in committed}
        unacknowledged_missing = [i for i in writers.acknowledged if i not in created_ids]
        duplicates = len(arrivals) - len(first)
        summary = (f"webhook crash test ({kind}): {args.kills} kills, {len(committed)} changes, "
                   f"{len(committed) - len(lost)} delivered {'in order' if order_ok else 'OUT OF ORDER'}, "
                   f"{duplicates} duplicates, {len(lost)} lost"
                   + (f", {bad} bad signatures" if bad else "")
                   + (f", {len(unacknowledged_missing)} acknowledged events missing from the stream" if unacknowledged_missing else ""))
        failed = bool(lost) or not order_ok or bad > 0 or bool(unacknowledged_missing)
        code = 1 if failed else 0
    except Failure as problem:
        summary = f"webhook crash test ({kind}): FAILED: {problem}"
        code = 2
    except (OSError, http.client.HTTPException, ValueError) as problem:
        summary = f"webhook crash test ({kind}): FAILED: {type(problem).__name__}: {problem}"
        code = 2
    finally:
        if writers:
            writers.stopping.set()
        registry.stop()
        receiver.close()
        if failed:
            try:
                with open(log_path, errors="replace") as f:
                    sys.stderr.writelines(f.readlines()[-60:])
            except OSError:
                pass
        if failed or args.keep:
            print(f"webhook crash test: data and log kept in {data_dir}", file=sys.stderr)
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    sys.stderr.flush()
    print(summary, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
