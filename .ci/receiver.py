"""A webhook receiver on loopback for the CI scripts (webhook-crash-test.py, two-instances.py): keeps every
delivery's headers and body and answers 204, after `answer_ms` when deliveries should be in flight a while."""
import http.server
import threading
import time


class Receiver:
    def __init__(self, answer_ms=0.0):
        self.lock = threading.Lock()
        self.arrivals = []  # (lower-cased headers, body bytes), in the order they arrived
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                time.sleep(answer_ms / 1000)
                with receiver.lock:
                    receiver.arrivals.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # A registry killed or stopped mid-delivery cuts requests in flight: no traceback for a reset connection.
        self.server.handle_error = lambda request, address: None
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def snapshot(self):
        """Every delivery so far: (headers, body)."""
        with self.lock:
            return list(self.arrivals)

    def close(self):
        self.server.shutdown()
        self.server.server_close()
