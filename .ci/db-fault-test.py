#!/usr/bin/env python3
"""Database faults: with PostgreSQL stopped the registry answers 503 problems in bounded time, readiness goes DOWN,
liveness stays UP; when PostgreSQL returns, everything recovers by itself.

Starts the packaged registry (target/quarkus-app/quarkus-run.jar, built with REGISTRY_DB_KIND=postgresql) on the
database in REGISTRY_DB_URL, _USER, _PASSWORD, writes a few events, then STOPS THE POSTGRESQL CLUSTER given with
--cluster ("15 faults": `pg_ctlcluster 15 faults stop`). Give it a cluster of its own: every other user of that
cluster loses it for the test (.ci/run creates one on port 5439). While the cluster is down, 8 client threads keep
reading and writing, and probes check:

  - reads, writes and a token check answer 503 application/problem+json with Retry-After, each within --limit s;
  - no client request goes unanswered (no thread hangs on the database), the JVM's thread count stays flat;
  - /q/health/ready answers 503 DOWN and /q/health/live 200 UP.

Then it starts the cluster again and checks that readiness comes back, reads and writes succeed and the events
written before the outage are all there, without restarting the registry.

Prints `db fault test: ... passed` lines and a summary `db fault test: 7 passed, 0 failed`; exits 0 when all passed,
1 when a check failed, 2 when the test could not run. Standard library only; about a minute.
"""
import argparse
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
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exchange import exchange  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN_TOKEN = "db-fault-admin-token-" + uuid.uuid4().hex


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cluster", required=True, help='the PostgreSQL cluster to stop and start, as "VERSION NAME"')
    parser.add_argument("--jar", default=os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))
    parser.add_argument("--outage", type=float, default=12.0, help="seconds the database stays down")
    parser.add_argument("--limit", type=float, default=8.0, help="seconds within which every request must be answered")
    parser.add_argument("--recovery", type=float, default=30.0, help="seconds allowed to recover once the database is back")
    parser.add_argument("--start-timeout", type=float, default=120.0)
    return parser.parse_args()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Failure(Exception):
    pass


def call(port, method, path, body=None, token=ADMIN_TOKEN, timeout=30, accept="application/json"):
    """(status, headers, text, seconds); raises OSError when no answer came."""
    began = time.monotonic()
    status, headers, raw = exchange(port, method, path, body=body, token=token, timeout=timeout, accept=accept)
    return status, headers, raw.decode(errors="replace"), time.monotonic() - began


def event_body(title):
    return {"title": title, "type": "PANEL", "publicationStatus": "PUBLISHED",
            "startsAt": "2032-06-10T18:00:00+02:00", "endsAt": "2032-06-10T19:30:00+02:00", "timeZone": "Europe/Belgrade"}


def threads_live(port):
    text = call(port, "GET", "/q/metrics", token=None, accept="text/plain")[2]
    m = re.search(r"^jvm_threads_live_threads(?:\{[^}]*\})? ([0-9.]+)$", text, re.MULTILINE)
    return int(float(m.group(1))) if m else -1


def pg_ctl(cluster, action):
    version, name = cluster.split()
    subprocess.run(["pg_ctlcluster", version, name, action] + (["-m", "fast"] if action == "stop" else []),
                   check=True, stdin=subprocess.DEVNULL)


class Clients:
    """Threads reading and writing all along; every request must get an answer (any status) within the limit."""

    def __init__(self, port, limit):
        self.port, self.limit = port, limit
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.answers, self.unanswered, self.slowest = {}, [], 0.0
        self.threads = [threading.Thread(target=self.loop, args=(i,), daemon=True) for i in range(8)]

    def loop(self, n):
        i = 0
        while not self.stopping.is_set():
            i += 1
            try:
                if n % 2:
                    status, _, _, took = call(self.port, "POST", "/api/v1/events", event_body(f"Fault client {n} {i}"),
                                              timeout=self.limit + 20)
                else:
                    status, _, _, took = call(self.port, "GET", "/api/v1/events?limit=5", timeout=self.limit + 20)
                with self.lock:
                    self.answers[status] = self.answers.get(status, 0) + 1
                    self.slowest = max(self.slowest, took)
            except (OSError, http.client.HTTPException) as e:
                with self.lock:
                    self.unanswered.append(f"{type(e).__name__}: {e}")
            time.sleep(0.05)


def main():
    args = parse_args()
    if not os.path.isfile(args.jar):
        print(f"db fault test: no {args.jar}; build it with REGISTRY_DB_KIND=postgresql", file=sys.stderr)
        return 2
    if not os.environ.get("REGISTRY_DB_URL", "").startswith("jdbc:postgresql:") or shutil.which("pg_ctlcluster") is None:
        print("db fault test: needs REGISTRY_DB_URL on the PostgreSQL cluster given with --cluster, and pg_ctlcluster",
              file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="registry-dbfault-")
    log_path = os.path.join(work, "registry.log")
    port = free_port()
    env = dict(os.environ, QUARKUS_HTTP_PORT=str(port), QUARKUS_HTTP_HOST="127.0.0.1", REGISTRY_DATA_DIR=work,
               REGISTRY_DEMO_DATA="false", REGISTRY_ADMIN_TOKEN=ADMIN_TOKEN)
    passed, failed = 0, 0
    process = None
    database_down = False

    def check(name, ok, detail):
        nonlocal passed, failed
        print(f"db fault test: {name}: {'ok' if ok else 'FAILED'}: {detail}", flush=True)
        passed, failed = passed + ok, failed + (not ok)

    code = 2
    try:
        with open(log_path, "a") as log:
            process = subprocess.Popen(["java", "-jar", args.jar], env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                       stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        began = time.monotonic()
        while True:
            if process.poll() is not None:
                raise Failure(f"the registry exited with code {process.returncode}")
            try:
                if call(port, "GET", "/q/health/ready", token=None)[0] == 200:
                    break
            except (OSError, http.client.HTTPException):
                pass
            if time.monotonic() - began > args.start_timeout:
                raise Failure("the registry did not become ready")
            time.sleep(0.3)
        written = []
        for n in range(5):
            status, _, text, _ = call(port, "POST", "/api/v1/events", event_body(f"Before the outage {n} {uuid.uuid4().hex[:8]}"))
            if status != 201:
                raise Failure(f"a write before the outage answered {status}: {text[:300]}")
            written.append(json.loads(text)["id"])
        threads_before = threads_live(port)
        print(f"db fault test: registry up on 127.0.0.1:{port} ({threads_before} threads), {len(written)} events written; "
              f"stopping PostgreSQL cluster {args.cluster}", flush=True)

        clients = Clients(port, args.limit)
        for t in clients.threads:
            t.start()
        pg_ctl(args.cluster, "stop")
        database_down = True
        stopped_at = time.monotonic()
        time.sleep(1)

        probes = [("GET", "/api/v1/events", None, ADMIN_TOKEN), ("GET", f"/api/v1/events/{written[0]}", None, None),
                  ("POST", "/api/v1/events", event_body("During the outage"), ADMIN_TOKEN),
                  ("GET", "/api/v1/changes?limit=5", None, "reg_" + uuid.uuid4().hex)]
        results = []
        for method, path, body, token in probes:
            status, headers, text, took = call(port, method, path, body, token=token, timeout=args.limit + 20)
            results.append((method, path, status, headers.get("content-type", ""), headers.get("retry-after"), took))
        bad = [r for r in results if r[2] != 503 or "problem+json" not in r[3] or not r[4] or r[5] > args.limit]
        check("503 while down", not bad, "; ".join(f"{m} {p.split('?')[0][:30]} {s} in {t:.2f} s (Retry-After {ra})"
                                                    for m, p, s, _, ra, t in results))
        ready = call(port, "GET", "/q/health/ready", token=None, timeout=args.limit + 20)
        live = call(port, "GET", "/q/health/live", token=None, timeout=args.limit + 20)
        check("probes while down", ready[0] == 503 and '"DOWN"' in ready[2] and live[0] == 200,
              f"readiness {ready[0]} in {ready[3]:.2f} s, liveness {live[0]} in {live[3]:.2f} s")

        while time.monotonic() - stopped_at < args.outage:
            time.sleep(0.5)
        threads_during = threads_live(port)
        clients.stopping.set()
        for t in clients.threads:
            t.join(timeout=args.limit + 25)
        check("no hanging requests", not clients.unanswered and clients.slowest <= args.limit
              and threads_during <= threads_before + 30,
              f"clients got answers {dict(sorted(clients.answers.items()))}, slowest {clients.slowest:.2f} s, "
              f"{len(clients.unanswered)} without an answer {clients.unanswered[:3]}; threads {threads_before} before, "
              f"{threads_during} after {args.outage:.0f} s down")

        pg_ctl(args.cluster, "start")
        database_down = False
        back_at = time.monotonic()
        recovered = None
        while time.monotonic() - back_at < args.recovery:
            try:
                if call(port, "GET", "/q/health/ready", token=None)[0] == 200:
                    recovered = time.monotonic() - back_at
                    break
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.25)
        check("readiness recovers", recovered is not None,
              f"UP {recovered:.1f} s after PostgreSQL started" if recovered is not None else f"still DOWN after {args.recovery:.0f} s")
        # The first requests after the outage may meet pooled connections the restart cut: they get a 503, then none.
        statuses = []
        for n in range(20):
            statuses.append(call(port, "GET", "/api/v1/events?limit=5")[0])
        status, _, text, _ = call(port, "POST", "/api/v1/events", event_body("After the outage"))
        check("requests recover", statuses[-10:] == [200] * 10 and status == 201,
              f"20 reads after recovery answered {statuses}, a write {status}")
        missing = [i for i in written if call(port, "GET", f"/api/v1/events/{i}")[0] != 200]
        check("data intact", not missing, f"{len(written) - len(missing)} of {len(written)} events from before the outage read back")
        check("process survived", process.poll() is None, "the registry ran through the outage without a restart")
        code = 1 if failed else 0
    except Failure as problem:
        print(f"db fault test: FAILED: {problem}", file=sys.stderr)
    except (OSError, http.client.HTTPException, ValueError, subprocess.CalledProcessError) as problem:
        print(f"db fault test: FAILED: {type(problem).__name__}: {problem}", file=sys.stderr)
    finally:
        if database_down:
            pg_ctl(args.cluster, "start")
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
        if code != 0:
            with open(log_path, errors="replace") as f:
                sys.stderr.writelines(f.readlines()[-40:])
            print(f"db fault test: log kept in {log_path}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"db fault test: {passed} passed, {failed} failed", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
