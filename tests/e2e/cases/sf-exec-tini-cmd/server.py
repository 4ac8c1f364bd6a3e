import http.server
import pathlib
import signal
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"python server under tini\n"
        self.send_response(200)
        self.send_header("content-type", "text/plain")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def stop(signum, frame):
    pathlib.Path("/tmp/sigterm-handled").write_text("yes\n")
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
http.server.HTTPServer(("127.0.0.1", 18214), Handler).serve_forever()
