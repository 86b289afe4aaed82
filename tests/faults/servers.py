"""Servers the fault tests start and break themselves, all on this machine only."""

import os
import shutil
import signal
import socket
import socketserver
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from tests.tools import REDIS_SERVER, require

START_SECONDS = 10


class RedisServer:
    """A redis-server of the test's own on a Unix socket, keeping nothing on disk.

    ``stop()`` takes it away (connections are refused), ``freeze()`` stops the process
    (connections are accepted by the system and never answered), ``refuse_writes()``
    leaves it no memory; ``resume()`` and ``start()`` bring it back on the same socket.
    """

    def __init__(self):
        require(REDIS_SERVER)
        # A short folder: a Unix socket's path must stay under about 100 characters.
        self.folder = Path(tempfile.mkdtemp(prefix="redis-"))
        self.socket = self.folder / "redis.sock"
        self.location = f"unix://{self.socket}"
        self.process = None

    def start(self):
        # No TCP port, no snapshots, no append-only file.
        options = ["--port", "0", "--unixsocket", self.socket, "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [REDIS_SERVER, *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_SECONDS
        while not self._answers():
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def _command(self, command):
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(1)
            client.connect(str(self.socket))
            client.sendall(command.encode() + b"\r\n")
            return client.recv(100)

    def _answers(self):
        try:
            return self._command("PING") == b"+PONG\r\n"
        except OSError:
            return False

    def refuse_writes(self):
        """Out of memory: every write is refused, reads still answer."""
        assert self._command("CONFIG SET maxmemory 1") == b"+OK\r\n"

    def stop(self):
        self.resume()
        self.process.terminate()
        self.process.wait(START_SECONDS)

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def remove(self):
        if self.process.poll() is None:
            self.stop()
        shutil.rmtree(self.folder)


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never says a word, like a mail or database
    server that hangs. ``on_connect`` is called in the server's thread for each connection."""

    def __init__(self, on_connect=None):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.on_connect = on_connect
        self.connections = []
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            if self.on_connect:
                self.on_connect()
            self.connections.append(connection)

    def close(self):
        """Close every connection: whoever still waits gets an error at once."""
        self.running = False
        self.thread.join(START_SECONDS)
        self.listener.close()
        for connection in self.connections:
            connection.close()


class MailServer(socketserver.ThreadingTCPServer):
    """An SMTP server on 127.0.0.1 that takes every message and counts them in ``received``;
    after ``hang()`` it accepts connections and never says a word, like SilentServer, until
    ``answer()`` closes those connections (whoever waits gets an error at once) and it takes
    messages again."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SmtpConversation)
        self.port = self.server_address[1]
        self.received = 0
        self._counting = threading.Lock()
        self._hung = None  # while hanging: set to release the connections held
        threading.Thread(target=self.serve_forever, args=(0.1,), daemon=True).start()

    def hang(self):
        self._hung = threading.Event()

    def answer(self):
        hung, self._hung = self._hung, None
        if hung:
            hung.set()

    def count_message(self):
        with self._counting:
            self.received += 1

    def close(self):
        self.answer()
        self.shutdown()
        self.server_close()


class _SmtpConversation(socketserver.StreamRequestHandler):
    """What Django's SMTP backend needs of a server: no extensions, every command accepted."""

    def reply(self, text):
        self.wfile.write(text.encode() + b"\r\n")

    def handle(self):
        hung = self.server._hung
        if hung:
            hung.wait()
            return
        self.reply("220 127.0.0.1 ready")
        for line in self.rfile:
            command = line[:4].upper()
            if command == b"QUIT":
                self.reply("221 bye")
                return
            if command == b"DATA":
                self.reply("354 go on")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                self.server.count_message()
            self.reply("250 ok")
