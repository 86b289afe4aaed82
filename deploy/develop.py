"""`make run`: Django's development server (on BIND, 127.0.0.1:8000 unless set) and a task
worker beside it, as one command.

The worker (``manage.py task_worker --reload``) sends the emails the site queues (to this
console unless EMAIL_URL says otherwise) and runs the daily jobs; both reload when the
code changes. Ctrl-C stops both; when one stops by itself, the other is stopped too.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from serve import stop

ROOT = Path(__file__).resolve().parent.parent


def develop():
    address = os.environ.get("BIND", "127.0.0.1:8000")
    manage = [sys.executable, "manage.py"]
    processes = {
        "development server": subprocess.Popen([*manage, "runserver", address], cwd=ROOT),
        "task worker": subprocess.Popen([*manage, "task_worker", "--reload"], cwd=ROOT),
    }
    print(
        f"make run: the site on http://{address}/ and a task worker beside it that sends "
        "the emails; Ctrl-C stops both.",
        flush=True,
    )
    try:
        while all(process.poll() is None for process in processes.values()):
            time.sleep(0.5)
        name = next(name for name, process in processes.items() if process.poll() is not None)
        print(f"make run: the {name} stopped; stopping the other", file=sys.stderr, flush=True)
        code = 1
    except KeyboardInterrupt:
        # Ctrl-C reached both as well: each is already stopping.
        code = 0
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for process in processes.values():
        stop(process, signal.SIGINT)
    return code


if __name__ == "__main__":
    sys.exit(develop())
