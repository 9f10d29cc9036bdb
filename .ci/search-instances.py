#!/usr/bin/env python3
"""Two registry instances on one PostgreSQL database, searched as one.

Starts the packaged registry (built for PostgreSQL) twice on the same database, each on its own port
and data directory, with the search engine of REGISTRY_SEARCH_ENGINE (lucene or opensearch):

- lucene: each instance keeps its own index and follows the shared write log. Writes on either are
  found on both, each search waiting for its own index to reach the log's head.
- opensearch: one shared index, written by one instance at a time under a lease in the database.
  Exactly one instance says it writes; writes on either are found on both; when the writer is killed
  (SIGKILL), the other takes the lease over and indexes what is written next.

Needs REGISTRY_DB_URL/_USER/_PASSWORD (an empty database), a jar built with REGISTRY_DB_KIND=postgresql,
and for opensearch REGISTRY_SEARCH_OPENSEARCH_HOSTS. Prints what it checked; exits 0 when all held,
1 when a check failed, 2 when it could not run. Standard library only.
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar")
TOKEN = "search-instances-admin-" + uuid.uuid4().hex
ENGINE = os.environ.get("REGISTRY_SEARCH_ENGINE", "lucene")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port, method, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        headers = {"Authorization": "Bearer " + TOKEN}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        return response.status, (json.loads(raw) if raw and raw[:1] in (b"{", b"[") else raw)
    finally:
        conn.close()


class Instance:
    def __init__(self, name):
        self.name, self.port, self.data = name, free_port(), tempfile.mkdtemp(prefix=f"registry-{name}-")
        self.process = None

    def start(self):
        env = dict(os.environ, QUARKUS_HTTP_PORT=str(self.port), QUARKUS_HTTP_HOST="127.0.0.1", REGISTRY_DATA_DIR=self.data,
                   REGISTRY_DEMO_DATA="false", REGISTRY_ADMIN_TOKEN=TOKEN, REGISTRY_RATE_LIMIT_ENABLED="false",
                   REGISTRY_SEARCH_LEASE_DURATION="PT3S")
        log = open(os.path.join(self.data, "registry.log"), "a")
        self.process = subprocess.Popen(["java", "-Xmx384m", "-jar", JAR], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited during start; log in {self.data}")
            try:
                if call(self.port, "GET", "/q/health/ready")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not become ready")

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def state(self):
        return call(self.port, "GET", "/api/v1/admin/search")[1]


failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def create_event(instance, word):
    status, body = call(instance.port, "POST", "/api/v1/events", {
        "title": f"Instances {word}", "type": "PANEL", "startsAt": "2030-01-01T10:00:00Z", "endsAt": "2030-01-01T12:00:00Z",
        "timeZone": "UTC"})
    if status != 201:
        raise RuntimeError(f"POST on {instance.name} answered {status}: {body}")
    return body["id"]


def found(instance, word):
    status, body = call(instance.port, "GET", "/api/v1/search?q=" + urllib.parse.quote(word))
    return [item["id"] for item in body["items"]] if status == 200 else []


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def main():
    if not os.path.isfile(JAR):
        print("search-instances: build the jar first (REGISTRY_DB_KIND=postgresql ./mvnw package)", file=sys.stderr)
        return 2
    a, b = Instance("a"), Instance("b")
    try:
        a.start()
        b.start()
        print(f"search-instances ({ENGINE}): a on {a.port}, b on {b.port}", flush=True)
        for writer, reader in ((a, b), (b, a)):
            word = "w" + uuid.uuid4().hex[:12]
            event = create_event(writer, word)
            # A search waits (up to a second) for its index to hold every committed write: no polling needed.
            check(found(reader, word) == [event], f"written on {writer.name}, found at once on {reader.name}")
            check(found(writer, word) == [event], f"written on {writer.name}, found on {writer.name}")
        if ENGINE == "opensearch":
            wait_for(lambda: any(i.state()["writer"] for i in (a, b)), 10)
            states = {i.name: i.state()["writer"] for i in (a, b)}
            check(sum(states.values()) == 1, f"exactly one instance writes the shared index: {states}")
            holder = a if states["a"] else b
            other = b if holder is a else a
            holder.kill()
            print(f"search-instances: killed {holder.name}, the writer", flush=True)
            check(wait_for(lambda: other.state()["writer"], 20), f"{other.name} took the writing lease over")
            word = "w" + uuid.uuid4().hex[:12]
            event = create_event(other, word)
            check(wait_for(lambda: found(other, word) == [event], 20), f"a write after the takeover is found on {other.name}")
        else:
            ids = {i.name: i.state() for i in (a, b)}
            check(all(s["writer"] for s in ids.values()), "each instance writes its own embedded index")
        return 1 if failures else 0
    except (RuntimeError, OSError, KeyError, ValueError) as problem:
        print(f"search-instances ({ENGINE}): could not run: {problem}", file=sys.stderr)
        return 2
    finally:
        for i in (a, b):
            i.stop()
        if failures:
            for i in (a, b):
                print(f"--- log of {i.name}", file=sys.stderr)
                with open(os.path.join(i.data, "registry.log")) as log:
                    print("".join(log.readlines()[-40:]), file=sys.stderr)
        for i in (a, b):
            shutil.rmtree(i.data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
