"""gunicorn settings for `make serve` and production; each can be overridden from the environment.

Workers are processes: Python runs one request at a time per process, so more
threads would only add memory. The threaded worker still keeps many keep-alive
connections open per worker, so a slow client does not hold it. Workers are
replaced after a number of requests, which bounds the memory any one of them
can grow to.
"""

import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * (os.cpu_count() or 1) + 1, 9)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 1))
keepalive = 5
timeout = 30
graceful_timeout = 20
# High enough that a worker is not replaced (and its local cache lost) every few seconds
# under load; low enough that a slow leak can never grow for long.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 10
# Load the application once in the master: workers share its memory until they write to it.
preload_app = True
# Believe X-Forwarded-Proto only from the load balancer's address (the visitor's address
# comes from X-Forwarded-For, read by the site itself: TRUSTED_PROXIES).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The address in the access log is REMOTE_ADDR as the site leaves it: the visitor's, also
# behind the proxies named in TRUSTED_PROXIES (core/proxies.py).
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
# gunicorn's control socket (for gunicornc) has one path per user by default, so every
# gunicorn on a machine would take it from the others, and a command meant for one
# (shutdown, kill a worker) would reach another. Off, unless GUNICORN_CONTROL_SOCKET
# gives this server a path of its own, e.g. var/gunicorn-8000.ctl.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
