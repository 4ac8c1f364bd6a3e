"""Tiny stdlib HTTP server; no SIGTERM handler on purpose."""
import os
import platform
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT = int(os.environ.get("PORT", "18084"))


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"hello from python-server (Python {platform.python_version()})\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    print(f"python-server listening on 127.0.0.1:{PORT}", flush=True)
    HTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
