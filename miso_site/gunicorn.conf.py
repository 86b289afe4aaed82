"""gunicorn settings for `make serve` and production; each can be overridden from the environment.

Workers are processes of gunicorn's ``sync`` worker: each runs one request at a
time, which is all Python does in one process anyway. It is the worker gunicorn
documents for use behind a buffering proxy, which takes slow clients and keep-alive
connections off the workers; and its ``timeout`` is a real deadline: the worker
reports to the master only between requests, so one stuck on a request for longer
(a mail server or database that never answers) is killed and replaced. (The threaded
worker kept reporting from its main thread while a request thread hung, and such a
worker stayed stuck for good.) Idle workers all wait on the one listening socket,
so new connections go to whichever is free. Workers are replaced after a number of
requests, which bounds the memory any one of them can grow to.

One worker per core and one more: a request keeps its worker busy with Python, not
waiting (emails go through the task queue; nginx holds the slow clients), so more workers
only take turns on the same cores. On the benchmark's 2 cores, 3 workers served a news post
with 7.5 ms of CPU each at 252 requests per second, 5 workers with 8.4 ms at 229.
"""

import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) + 1))
worker_class = "sync"
# Longest a request may hold a worker, in seconds: above the deadlines inside a request
# (EMAIL_TIMEOUT, DATABASE_STATEMENT_TIMEOUT), so those fail first, with an answer.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
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
