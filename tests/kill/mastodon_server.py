# SPDX-License-Identifier: MIT
"""A Mastodon-like server on 127.0.0.1 for the fault and kill tests of `smm post`: it keeps the
statuses it created, honours Idempotency-Key as Mastodon does (the same key answers with the
status it already made), and plays scripted faults on POST /api/v1/statuses.

Faults, taken in order by successive status requests (then normal service):
  "ok"         create and answer 200
  "slow"       create, then wait `slow_seconds` before answering (the client times out)
  "reset"      create, then reset the connection without answering
  "reset-early" reset the connection without reading the request or creating anything
  "garbled"    create, then answer 200 with a body that is not JSON
  "429"        answer 429 with Retry-After: `retry_after`, create nothing
  "500"        answer 500, create nothing
  "401"        answer 401, create nothing
"""
import json
import socket
import struct
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

INSTANCE = {"domain": "127.0.0.1", "configuration": {"statuses": {
    "max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23}}}
ACCOUNT = {"id": "1", "username": "kill", "acct": "kill", "url": "http://127.0.0.1/@kill"}


class MastodonServer:
    def __init__(self, token="tok-kill", delay=(0.0, 0.0), seed=1):
        import random
        self.token = token
        self.delay = delay
        self.rng = random.Random(seed)
        self.faults = []
        self.slow_seconds = 3.0
        self.retry_after = "1"
        self.lock = threading.Lock()
        self.statuses = []       # created, in order: dicts with id, status, in_reply_to_id, key
        self.by_key = {}
        self.requests = []       # (method, path, fault) of every request
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, status, body, headers=()):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def reset(self):
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True

            def authorized(self):
                if self.headers.get("Authorization") != "Bearer " + server.token:
                    self.reply(401, {"error": "The access token is invalid"})
                    return False
                return True

            def do_GET(self):
                path = urllib.parse.urlparse(self.path).path
                with server.lock:
                    server.requests.append(("GET", path, None))
                if path in ("/api/v2/instance", "/api/v1/instance"):
                    return self.reply(200, INSTANCE)
                if not self.authorized():
                    return None
                if path == "/api/v1/accounts/verify_credentials":
                    return self.reply(200, ACCOUNT)
                return self.reply(404, {"error": "Record not found"})

            def do_DELETE(self):
                self.reply(404, {"error": "Record not found"})

            def do_POST(self):
                path = urllib.parse.urlparse(self.path).path
                with server.lock:
                    fault = server.faults.pop(0) if server.faults and path == "/api/v1/statuses" else "ok"
                    server.requests.append(("POST", path, fault))
                if fault == "reset-early":
                    return self.reset()
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode()
                if path != "/api/v1/statuses":
                    return self.reply(404, {"error": "Record not found"})
                if fault == "401" or not self.authorized():
                    return self.reply(401, {"error": "The access token is invalid"})
                if fault == "429":
                    return self.reply(429, {"error": "Too many requests"}, [("Retry-After", server.retry_after)])
                if fault == "500":
                    return self.reply(500, {"error": "Internal server error"})
                lo, hi = server.delay
                if hi > 0:
                    time.sleep(server.rng.uniform(lo, hi))
                status = server.create(self.headers.get("Idempotency-Key", ""), body)
                if fault == "slow":
                    time.sleep(server.slow_seconds)
                elif fault == "reset":
                    return self.reset()
                elif fault == "garbled":
                    return self.reply(200, b'{"id": "' + status["id"].encode() + b'", "url": ')
                return self.reply(200, status)

        class Quiet(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # clients that time out or are killed hang up mid-answer: expected here

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def create(self, key, body):
        form = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
        with self.lock:
            if key and key in self.by_key:
                return self.by_key[key]
            sid = str(len(self.statuses) + 1)
            status = {"id": sid, "url": f"{self.url}/@kill/{sid}", "uri": f"{self.url}/users/kill/statuses/{sid}",
                      "created_at": "2026-11-23T10:00:00.000Z", "content": form.get("status", ""),
                      "status": form.get("status", ""), "in_reply_to_id": form.get("in_reply_to_id"),
                      "visibility": form.get("visibility", "public"), "key": key, "account": ACCOUNT}
            self.statuses.append(status)
            if key:
                self.by_key[key] = status
            return status

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
