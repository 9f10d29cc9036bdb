#!/usr/bin/env python3
"""Webhook delivery benchmark: 100 subscriptions, 1,000 changes, deliveries per second and commit-to-delivery lag.

Starts the packaged registry (target/quarkus-app/quarkus-run.jar; build it with ./mvnw -B -ntp -DskipTests package)
on a fresh H2 data directory with private targets allowed, runs one receiver on loopback (a threading HTTP
server answering 204 at once, a path per subscription), subscribes 100 times to event.*, then POSTs 1,000
events from 4 client threads. Every delivery is timed at the receiver; the lag is the receipt time minus the
change's commit time (its "timestamp": both clocks are this machine's). Prints deliveries per second (from the
first commit to the last receipt) and the lag's p50, p90, p99 and maximum.

  python3 src/bench/webhooks.py [--subscriptions 100] [--changes 1000] [--workers 8]

Standard library only. Bounded: it gives up after --deadline seconds.
"""
import argparse
import http.client
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = "bench-admin-token-" + uuid.uuid4().hex


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port, method, path, body=None, conn=None):
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Authorization": "Bearer " + TOKEN, "Accept": "application/json"}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", default=os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))
    parser.add_argument("--subscriptions", type=int, default=100)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=8, help="registry.webhooks.workers")
    parser.add_argument("--deadline", type=float, default=900.0)
    args = parser.parse_args()

    lock = threading.Lock()
    lags, receipts = [], []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            now = time.time()
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            committed = datetime.fromisoformat(json.loads(body)["timestamp"].replace("Z", "+00:00")).timestamp()
            with lock:
                lags.append(now - committed)
                receipts.append(now)

        def log_message(self, *a):
            pass

    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.daemon_threads = True
    threading.Thread(target=receiver.serve_forever, daemon=True).start()

    data_dir = tempfile.mkdtemp(prefix="registry-bench-webhooks-")
    port = free_port()
    env = dict(os.environ, QUARKUS_HTTP_PORT=str(port), QUARKUS_HTTP_HOST="127.0.0.1", REGISTRY_DATA_DIR=data_dir,
               REGISTRY_DEMO_DATA="false", REGISTRY_ADMIN_TOKEN=TOKEN, REGISTRY_RATE_LIMIT_ENABLED="false",
               REGISTRY_WEBHOOKS_ALLOW_PRIVATE_TARGETS="true", REGISTRY_WEBHOOKS_WORKERS=str(args.workers))
    log = open(os.path.join(data_dir, "registry.log"), "w")
    registry = subprocess.Popen(["java", "-jar", args.jar], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        began = time.monotonic()
        while True:
            try:
                if call(port, "GET", "/q/health/ready")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - began > 120:
                raise SystemExit("the registry did not start")
            time.sleep(0.3)
        base = f"http://127.0.0.1:{receiver.server_address[1]}/hook/"
        for i in range(args.subscriptions):
            status, raw = call(port, "POST", "/api/v1/webhooks", {"url": base + str(i), "types": ["event.*"]})
            assert status == 201, raw
        expected = args.subscriptions * args.changes
        counter = iter(range(args.changes))
        counter_lock = threading.Lock()

        def write():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while True:
                with counter_lock:
                    n = next(counter, None)
                if n is None:
                    return
                day = 1 + n % 28
                status, raw = call(port, "POST", "/api/v1/events", {
                    "title": f"Webhook bench {n}", "type": "LECTURE", "startsAt": f"2027-03-{day:02d}T18:00:00+01:00",
                    "endsAt": f"2027-03-{day:02d}T19:00:00+01:00", "timeZone": "Europe/Belgrade"}, conn)
                assert status == 201, raw

        writes_began = time.time()
        writers = [threading.Thread(target=write) for _ in range(4)]
        for t in writers:
            t.start()
        for t in writers:
            t.join()
        writes_took = time.time() - writes_began
        while time.monotonic() - began < args.deadline:
            with lock:
                if len(lags) >= expected:
                    break
            time.sleep(0.2)
        with lock:
            got, lag, last = len(lags), list(lags), max(receipts) if receipts else writes_began
        span = last - writes_began
        print(f"{args.subscriptions} subscriptions x {args.changes} changes: {got} of {expected} deliveries received "
              f"({args.workers} workers)")
        print(f"writes: {args.changes} events in {writes_took:.1f} s ({args.changes / writes_took:.0f} writes/s, 4 clients)")
        print(f"deliveries: {got} in {span:.1f} s from the first write to the last receipt: {got / span:.0f} deliveries/s")
        print(f"commit-to-delivery lag: p50 {percentile(lag, 50) * 1000:.0f} ms, p90 {percentile(lag, 90) * 1000:.0f} ms, "
              f"p99 {percentile(lag, 99) * 1000:.0f} ms, max {max(lag) * 1000:.0f} ms")
        return 0 if got >= expected else 1
    finally:
        registry.terminate()
        try:
            registry.wait(timeout=20)
        except subprocess.TimeoutExpired:
            registry.kill()
        receiver.shutdown()
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
