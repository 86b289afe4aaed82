"""A WSGI application for tests/faults/test_gunicorn.py: ``/stuck`` never answers, like a
request waiting on a server that hangs; any other path answers with the worker's process id."""

import os
import time


def application(environ, start_response):
    if environ["PATH_INFO"] == "/stuck":
        time.sleep(3600)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]
