"""One HTTP request on a fresh connection, as the CI scripts send them (hostile-pass.py, two-instances.py,
db-fault-test.py): JSON in and out, a bearer token when given."""
import http.client
import json


def exchange(port, method, path, body=None, token=None, headers=None, raw=None, timeout=30, host="127.0.0.1",
             accept="application/json", source=None):
    """(status, lower-cased headers, body bytes); raises OSError when no answer came. `body` is sent as JSON,
    `raw` as it is; `source` is the local address to send from (another loopback address is another client)."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout, source_address=(source, 0) if source else None)
    try:
        sent = {"Accept": accept}
        if token:
            sent["Authorization"] = "Bearer " + token
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()
