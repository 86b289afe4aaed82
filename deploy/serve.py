"""`make serve`: the site as on a production server, nginx in front of gunicorn.

nginx listens on BIND (127.0.0.1:8000 unless set) with ``deploy/nginx.conf``, filled in
here, and hands each request, once it has it whole, to gunicorn
(``miso_site/gunicorn.conf.py``) on a port of 127.0.0.1 that this script binds and passes
on, so no other run can take it. nginx's configuration, pid file, temporary files and error
pages are in NGINX_DIRECTORY (``var/nginx/<BIND>/`` unless set). Beside them a task
worker (``manage.py task_worker``) sends the emails and runs the daily jobs. Ctrl-C or
SIGTERM stops all three; when one stops by itself, the others are stopped too.

It expects what ``make serve`` does first: the production settings in the environment and
the static files collected. ``deploy/serve.py --check`` only says whether nginx is there.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The nginx program (NGINX names another one). Debian installs it in /usr/sbin, which is
# not on every user's PATH.
NGINX = shutil.which(
    os.environ.get("NGINX", "nginx"),
    path=f"{os.environ.get('PATH', os.defpath)}{os.pathsep}/usr/sbin",
)
MISSING_NGINX = (
    "make serve needs nginx, which buffers requests and answers in front of gunicorn, "
    "and it is not installed.\n"
    "Install it from your system's packages, e.g. on Debian or Ubuntu: "
    "sudo apt-get install nginx-light"
)
# The pages nginx answers with itself, by the template Django uses for the same trouble:
# a body over the limit is what Django's 400 page describes, a worker that does not
# answer what its 500 page does.
ERROR_PAGES = ("400.html", "500.html")
# The longest a graceful stop may take: gunicorn's graceful_timeout (20 s) and some.
STOP_SECONDS = 30


class Stop(Exception):
    """Raised by the signal handler: the run is asked to end, by the signal in ``args[0]``."""


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "miso_site.settings")
    import django

    django.setup()


def write_error_pages(folder):
    """Each error page in each language, as ``400.de.html``: rendered once at start."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.utils import translation

    folder.mkdir(parents=True, exist_ok=True)
    for template in ERROR_PAGES:
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                page = render_to_string(template)
            (folder / template.replace(".", f".{language}.")).write_text(page, encoding="utf-8")


def nginx_configuration(directory, listen, upstream):
    from django.conf import settings
    from django.core.files.storage import FileSystemStorage, storages
    from django.template import Context, Engine

    media = storages["default"]
    source = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    template = Engine(autoescape=False).from_string(source)
    return template.render(
        Context(
            {
                # Started by root, nginx would hand its workers to "nobody", who may not
                # read the media folder; otherwise they run as whoever started it.
                "user": "root" if os.geteuid() == 0 else "",
                "directory": directory,
                "public_body_max": settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
                "admin_body_max": settings.ADMIN_REQUEST_MAX_SIZE,
                "default_language": settings.LANGUAGE_CODE,
                "languages": "|".join(re.escape(code) for code, _name in settings.LANGUAGES),
                "listen": listen,
                "upstream": upstream,
                "media_url": settings.MEDIA_URL,
                "media_root": media.location if isinstance(media, FileSystemStorage) else "",
            }
        )
    )


def stop(process, signum):
    """Ask ``process`` to stop; kill it when it has not within STOP_SECONDS."""
    if process.poll() is not None:
        return
    process.send_signal(signum)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def raise_stop(signum, _frame):
    raise Stop(signum)


def serve():
    listen = os.environ.get("BIND", "127.0.0.1:8000")
    directory = Path(
        os.environ.get("NGINX_DIRECTORY")
        or ROOT / "var" / "nginx" / re.sub(r"[^\w.-]+", "_", listen)
    ).resolve()
    setup_django()
    write_error_pages(directory / "errors")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, raise_stop)
    processes = {}
    try:
        # Bound here and handed over, so the port is gunicorn's from the first moment:
        # requests that come before its workers are up wait instead of failing.
        with socket.create_server(("127.0.0.1", 0)) as upstream:
            host, port = upstream.getsockname()
            (directory / "nginx.conf").write_text(
                nginx_configuration(directory, listen, f"{host}:{port}")
            )
            processes["gunicorn"] = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--config",
                    "miso_site/gunicorn.conf.py",
                    "--bind",
                    f"fd://{upstream.fileno()}",
                    "miso_site.wsgi",
                ],
                cwd=ROOT,
                # Django takes the visitor's address from nginx's X-Forwarded-For.
                env={"TRUSTED_PROXIES": "127.0.0.1"} | os.environ,
                pass_fds=[upstream.fileno()],
            )
        processes["nginx"] = subprocess.Popen(
            [NGINX, "-p", str(directory), "-c", str(directory / "nginx.conf")], cwd=ROOT
        )
        processes["task worker"] = subprocess.Popen(
            [sys.executable, "manage.py", "task_worker"], cwd=ROOT
        )
        print(
            f"make serve: nginx answers on http://{listen}/; a task worker sends the emails",
            flush=True,
        )
        while all(process.poll() is None for process in processes.values()):
            time.sleep(0.5)
        name = next(name for name, process in processes.items() if process.poll() is not None)
        print(f"make serve: {name} stopped; stopping the rest", file=sys.stderr, flush=True)
        code, quick = 1, False
    except Stop as stop_signal:
        code, quick = 0, stop_signal.args[0] == signal.SIGINT
    # Further signals are the stop already under way (Ctrl-C reaches every process).
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    # Ctrl-C stops them all at once, as it stops each of them. Otherwise nginx goes first,
    # finishing the requests it has, then gunicorn, finishing its own, then the task
    # worker, finishing the email it is sending (what is queued stays queued).
    stopping = (
        ("nginx", signal.SIGQUIT),
        ("gunicorn", signal.SIGTERM),
        ("task worker", signal.SIGTERM),
    )
    for name, graceful in stopping:
        if name in processes:
            stop(processes[name], signal.SIGINT if quick else graceful)
    return code


if __name__ == "__main__":
    if not NGINX:
        sys.exit(MISSING_NGINX)
    if sys.argv[1:] != ["--check"]:
        sys.exit(serve())
