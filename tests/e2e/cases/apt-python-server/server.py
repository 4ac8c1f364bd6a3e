import http.server, os, signal, sys

PORT = int(os.environ.get("PORT", "18110"))
ROOT = "/srv/www"

class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=ROOT, **k)
    def log_message(self, *a):
        pass

def stop(signum, frame):
    with open("/tmp/sigterm-handled", "w") as f:
        f.write("yes\n")
    sys.exit(0)

signal.signal(signal.SIGTERM, stop)
http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
